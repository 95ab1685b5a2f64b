import {
  CASE_SORT_COLUMNS,
  carriedTo,
  DEFAULT_SORT,
  FINDING_SORT_COLUMNS,
  differsFromDefault,
  filterParams,
  isFiltered,
  listParams,
  parseFindingQuery,
  sortFrom,
  sortState,
  toQueryParams,
} from './finding-query';

describe('finding query', () => {
  describe('reading the URL', () => {
    it('reads lists, single filters, sort and page', () => {
      const query = parseFindingQuery({
        rule: 'EXCL-001,DISC-001',
        severity: 'high',
        status: 'open,acknowledged',
        institution: 'alipay',
        city: '110000',
        period: '2021-06',
        q: 'tenpay',
        sort: 'lastPeriod',
        page: '3',
        pageSize: '50',
      });
      expect(query).toEqual({
        rule: ['EXCL-001', 'DISC-001'],
        severity: ['high'],
        status: ['open', 'acknowledged'],
        institution: 'alipay',
        city: '110000',
        period: '2021-06',
        q: 'tenpay',
        sort: 'lastPeriod',
        page: 3,
        pageSize: 50,
      });
    });

    it('drops what the API would refuse instead of showing an error', () => {
      const query = parseFindingQuery({
        rule: 'excl,EXCL-001',
        severity: 'urgent',
        status: 'closed',
        city: 'Beijing',
        period: '2021-6',
        sort: 'name',
        page: '-2',
        pageSize: '7',
      });
      expect(query).toEqual({
        rule: ['EXCL-001'],
        severity: [],
        status: [],
        institution: '',
        city: '',
        period: '',
        q: '',
        sort: DEFAULT_SORT,
        page: 1,
        pageSize: 25,
      });
    });
  });

  describe('writing the URL and the API parameters', () => {
    it('leaves defaults out of the URL so a plain list has a plain URL', () => {
      expect(toQueryParams(parseFindingQuery({}))).toEqual({
        rule: null,
        severity: null,
        status: null,
        institution: null,
        city: null,
        period: null,
        q: null,
        sort: null,
        page: null,
        pageSize: null,
      });
    });

    it('round-trips a query through the URL', () => {
      const params = { rule: 'EXCL-001', status: 'open', q: 'exclusive', sort: 'id', page: '2', pageSize: '100' };
      const back = toQueryParams(parseFindingQuery(params));
      expect(parseFindingQuery(Object.fromEntries(Object.entries(back).filter(([, v]) => v !== null)) as Record<string, string>)).toEqual(
        parseFindingQuery(params),
      );
    });

    it('gives the export the filters without sort or paging, and the list both', () => {
      const query = parseFindingQuery({ rule: 'EXCL-001', q: '  tenpay ', page: '2' });
      expect(filterParams(query)).toEqual({ rule: 'EXCL-001', status: 'open', q: 'tenpay' });
      expect(listParams(query)).toEqual({ rule: 'EXCL-001', status: 'open', q: 'tenpay', sort: '-severity', page: '2', pageSize: '25' });
      expect(isFiltered(query)).toBe(true);
      expect(differsFromDefault(query)).toBe(true);
      expect(differsFromDefault(parseFindingQuery({ page: '4' }))).toBe(false);
    });
  });

  describe('the default status', () => {
    it('when the URL names no status, asks the API for open findings only, as the overview counts them', () => {
      expect(parseFindingQuery({}).status).toEqual(['open']);
      expect(filterParams(parseFindingQuery({}))).toEqual({ status: 'open' });
    });

    it('when the user clears the status filter, says status=all in the URL and asks the API for every status', () => {
      const everyStatus = { ...parseFindingQuery({}), status: [] };
      expect(toQueryParams(everyStatus).status).toBe('all');
      expect(parseFindingQuery({ status: 'all' }).status).toEqual([]);
      expect(filterParams(parseFindingQuery({ status: 'all' }))).toEqual({});
      expect(differsFromDefault(everyStatus)).toBe(true);
    });
  });

  describe('sorting', () => {
    it('maps the API sort to MatSort and back', () => {
      expect(sortState('-lastPeriod')).toEqual({ active: 'lastPeriod', direction: 'desc' });
      expect(sortState('ruleId')).toEqual({ active: 'ruleId', direction: 'asc' });
      expect(sortFrom('city', 'desc')).toBe('-city');
      expect(sortFrom('city', 'asc')).toBe('city');
      expect(sortFrom('city', '')).toBe(DEFAULT_SORT);
    });
  });

  describe('cases', () => {
    it('take their own sorts: by number of cities, not by city, status or id', () => {
      expect(parseFindingQuery({ sort: '-cities' }, CASE_SORT_COLUMNS).sort).toBe('-cities');
      expect(parseFindingQuery({ sort: 'city' }, CASE_SORT_COLUMNS).sort).toBe(DEFAULT_SORT);
      expect(parseFindingQuery({ sort: '-cities' }).sort).toBe(DEFAULT_SORT);
      expect(sortFrom('cities', 'asc', CASE_SORT_COLUMNS)).toBe('cities');
      expect(sortFrom('status', 'asc', CASE_SORT_COLUMNS)).toBe(DEFAULT_SORT);
    });

    it('carry their filters to the findings and back, with the sort where the other list has it, on its first page', () => {
      const cases = parseFindingQuery({ rule: 'CONS-001', status: 'all', sort: '-cities', page: '4' }, CASE_SORT_COLUMNS);
      expect(carriedTo(cases, FINDING_SORT_COLUMNS)).toEqual({ ...cases, sort: DEFAULT_SORT, page: 1 });
      const findings = parseFindingQuery({ severity: 'high', sort: 'lastPeriod', page: '2' });
      expect(carriedTo(findings, CASE_SORT_COLUMNS)).toEqual({ ...findings, sort: 'lastPeriod', page: 1 });
    });
  });
});
