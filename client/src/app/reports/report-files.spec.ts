import { classifyReportFile, csvTemplate, LINK_COLUMNS, AGREEMENT_COLUMNS, receiptFileName, templateFileName } from './report-files';

describe('report files', () => {
  describe('telling dropped files apart', () => {
    it('takes a .json file as a whole report', () => {
      expect(classifyReportFile('alipay-2021-06.JSON', '{"institution":"alipay"}')).toBe('json');
    });

    it('tells a links CSV from an agreements CSV by the header row, whatever the file is called', () => {
      expect(
        classifyReportFile('export.csv', 'scanner,issuer,mode,channel,city,status,since\r\nalipay,unionpay,mpm,offline,*,live,2021-01-01'),
      ).toBe('links');
      expect(
        classifyReportFile(
          'export (2).csv',
          'ref,counterparty,kind,exclusive,fee_bps,cities,modes,channels,restrictions,effective,expires,text\n',
        ),
      ).toBe('agreements');
    });

    it('reads past a byte-order mark, quotes and capitals (as Excel saves them)', () => {
      expect(classifyReportFile('links.csv', '\uFEFF"Scanner","Issuer","Mode"\r\n')).toBe('links');
    });

    it('falls back on the name of a CSV without a known header, and gives up on anything else', () => {
      expect(classifyReportFile('agreements-june.csv', 'a,b,c\n')).toBe('agreements');
      expect(classifyReportFile('notes.csv', 'a,b,c\n')).toBe('unknown');
      expect(classifyReportFile('photo.png', '\x89PNG')).toBe('unknown');
    });
  });

  describe('templates', () => {
    it('gives the links columns in the API order and an example row in which the reporter scans', () => {
      const [header, example, end] = csvTemplate('links', 'alipay', '2022-03').split('\r\n');
      expect(header.split(',')).toEqual([...LINK_COLUMNS]);
      expect(example.split(',')).toEqual(['alipay', 'unionpay', 'mpm', 'offline', '110000', 'live', '2022-03-01']);
      expect(end).toBe('');
    });

    it('gives the agreements columns, lists separated by ; and empty optional cells', () => {
      const [header, example] = csvTemplate('agreements', 'unionpay', '').split('\r\n');
      expect(header.split(',')).toEqual([...AGREEMENT_COLUMNS]);
      const cells = example.split(',');
      expect(cells).toHaveLength(AGREEMENT_COLUMNS.length);
      expect(cells[1]).toBe('alipay'); // never the reporter itself
      expect(cells[6]).toBe('mpm;cpm');
    });

    it('names the files after the institution', () => {
      expect(templateFileName('agreements', 'icbc')).toBe('icbc-agreements-template.csv');
    });
  });

  it('names a receipt file after the institution, period and version', () => {
    const receipt = {
      id: 3,
      institution: 'alipay',
      period: '2022-01',
      version: 2,
      receivedAt: '',
      sha256: '',
      counts: { links: 1, agreements: 0 },
      warnings: [],
    };
    expect(receiptFileName(receipt)).toBe('receipt-alipay-2022-01-v2.json');
    expect(receiptFileName({ ...receipt, id: null, dryRun: true })).toBe('receipt-alipay-2022-01-v2-dry-run.json');
  });
});
