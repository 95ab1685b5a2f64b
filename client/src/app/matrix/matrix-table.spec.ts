import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatTableHarness } from '@angular/material/table/testing';
import type { Matrix } from '../core/api/api-types';
import { Language } from '../core/i18n/language';
import { MatrixTable } from './matrix-table';

const MATRIX: Matrix = {
  period: '2021-06',
  city: '110000',
  mode: 'mpm',
  channel: 'offline',
  institutions: ['alipay', 'unionpay'],
  cells: [{ scanner: 'alipay', issuer: 'unionpay', status: 'live', since: '2021-03-01', reconciliation: 'disputed' }],
};

describe('MatrixTable', () => {
  let fixture: ComponentFixture<MatrixTable>;
  let table: MatTableHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(MatrixTable);
    fixture.componentRef.setInput('matrix', MATRIX);
    TestBed.tick();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/institutions').flush({
      items: [
        { id: 'alipay', name: 'Alipay', nameZh: '支付宝', kind: 'wallet', group: 'ant-group', systemic: true, active: true },
        { id: 'unionpay', name: 'China UnionPay', nameZh: '中国银联', kind: 'network', group: 'unionpay', systemic: true, active: true },
      ],
    });
    http.expectOne('/api/v1/cities').flush({ items: [] });
    await fixture.whenStable();
    table = await TestbedHarnessEnvironment.harnessForFixture(fixture, MatTableHarness);
  });

  async function headerAndFirstRow(): Promise<string[][]> {
    const [header] = await table.getHeaderRows();
    const [row] = await table.getRows();
    return [await header.getCellTextByIndex(), await row.getCellTextByIndex()];
  }

  it('shows names, status, date and reconciliation in English by default', async () => {
    expect(await headerAndFirstRow()).toEqual([
      ['Scanner', 'Issuer', 'Status', 'Since', 'Reconciliation'],
      ['Alipay', 'China UnionPay', 'live', '1 Mar 2021', 'disputed'],
    ]);
  });

  it('re-renders every cell in Chinese when the language switches, without reloading', async () => {
    await TestBed.inject(Language).choose('zh-CN');
    await fixture.whenStable();
    expect(await headerAndFirstRow()).toEqual([
      ['扫码方', '发码方', '状态', '起始日期', '双方核对'],
      ['支付宝', '中国银联', '运行', '2021年3月1日', '有争议'],
    ]);
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
