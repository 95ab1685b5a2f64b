import { summariseDetails } from './audit-details';

describe('summariseDetails', () => {
  it('lists each field with readable values and shortens hashes', () => {
    const hash = 'a'.repeat(64);
    const s = summariseDetails({
      format: 'csv',
      rows: 3,
      sha256: hash,
      filters: { rule: ['EXCL-001', 'DISC-001'] },
      counts: { links: 3, agreements: 0 },
    });
    expect(s.fields).toEqual([
      { key: 'format', value: 'csv' },
      { key: 'rows', value: '3' },
      { key: 'sha256', value: `${'a'.repeat(12)}…` },
      { key: 'filters', value: 'rule EXCL-001, DISC-001' },
      { key: 'counts', value: 'links 3; agreements 0' },
    ]);
    expect(s.cut).toBe(false);
  });

  it('joins lists of values and marks long or many-field details as cut', () => {
    expect(summariseDetails({ rules: ['EXCL-001', 'LATE-001'] }).fields[0].value).toBe('EXCL-001, LATE-001');
    expect(summariseDetails({ note: 'x'.repeat(100) })).toEqual({ fields: [{ key: 'note', value: `${'x'.repeat(60)}…` }], cut: true });
    expect(summariseDetails({ filters: { deep: { er: 1 } } })).toEqual({ fields: [{ key: 'filters', value: 'deep …' }], cut: true });
    expect(summariseDetails({ changes: [{ id: 1 }, { id: 2 }] })).toEqual({ fields: [{ key: 'changes', value: '2 ×' }], cut: true });
    expect(summariseDetails({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 })).toMatchObject({ cut: true });
    expect(summariseDetails({}).fields).toEqual([]);
  });

  describe("in the interface's language", () => {
    const CHINESE: Record<string, string> = {
      'audit.details.keys.role': '角色',
      'audit.details.keys.ip': 'IP 地址',
      'audit.details.keys.filename': '文件名',
      'audit.details.keys.rows': '行数',
      'audit.details.keys.institution': '机构',
      'audit.details.keys.period': '报告期',
      'audit.details.keys.from': '自',
      'audit.details.keys.to': '至',
      'audit.details.changedFrom': '原为',
      'audit.details.changedTo': '改为',
      'audit.details.keys.counts': '数量',
      'audit.details.keys.links': '互通关系',
      'audit.details.keys.sessionsEnded': '已结束会话',
      'audit.details.keys.reason': '原因',
      'audit.details.reasons.badPassword': '密码错误',
      'audit.details.yes': '是',
      'role.analyst': '分析员',
      'role.admin': '管理员',
      'findingStatus.open': '待处理',
      'findingStatus.acknowledged': '已知悉',
      'audit.details.keys.filters': '筛选条件',
      'audit.details.keys.excludeAction': '排除的操作类型',
      'audit.details.keys.action': '操作',
      'audit.actions.authLogin': '登录',
      'audit.actions.authLogout': '退出登录',
      'audit.actions.exportFindings': '导出线索',
    };
    const translate = (key: string) => CHINESE[key] ?? `!${key}`;

    it('names the keys it knows, and keeps the ones it does not', () => {
      const s = summariseDetails({ filename: 'x.csv', rows: 3, ip: '10.0.0.1', counts: { links: 3 }, somethingNew: 1 }, translate);
      expect(s.fields).toEqual([
        { key: '文件名', value: 'x.csv' },
        { key: '行数', value: '3' },
        { key: 'IP 地址', value: '10.0.0.1' },
        { key: '数量', value: '互通关系 3' },
        { key: 'somethingNew', value: '1' },
      ]);
    });

    it('words roles, a finding’s statuses, login failures and yes or no, and leaves other values as stored', () => {
      expect(summariseDetails({ role: 'analyst', ip: '10.0.0.1' }, translate, 'auth.login').fields[0]).toEqual({
        key: '角色',
        value: '分析员',
      });
      expect(summariseDetails({ role: { from: 'analyst', to: 'admin' }, sessionsEnded: true }, translate, 'user.update').fields).toEqual([
        { key: '角色', value: '原为 分析员; 改为 管理员' },
        { key: '已结束会话', value: '是' },
      ]);
      expect(summariseDetails({ from: 'open', to: 'acknowledged' }, translate, 'finding.status').fields).toEqual([
        { key: '原为', value: '待处理' },
        { key: '改为', value: '已知悉' },
      ]);
      // A rules run's from and to are the range of periods it ran over, not statuses.
      expect(summariseDetails({ from: '2020-01', to: '2021-12' }, translate, 'rules\u002Erun').fields).toEqual([
        { key: '自', value: '2020-01' },
        { key: '至', value: '2021-12' },
      ]);
      expect(summariseDetails({ reason: 'bad-password' }, translate, 'auth.login_failed').fields[0]).toEqual({
        key: '原因',
        value: '密码错误',
      });
    });

    it('words an audit export’s filters: the actions it kept or left out, as the list names them', () => {
      const s = summariseDetails(
        { filters: { excludeAction: ['auth.login', 'auth.logout'], action: ['export.findings'] } },
        translate,
        'export.audit',
      );
      expect(s.fields).toEqual([{ key: '筛选条件', value: '排除的操作类型 登录, 退出登录; 操作 导出线索' }]);
    });

    it('names institutions by their names with the id, and periods as months, in reports, exports’ filters and rules runs', () => {
      const names = {
        institution: (id: string) => (id === 'alipay' ? `支付宝（${id}）` : id),
        period: (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5))}月`,
      };
      expect(summariseDetails({ institution: 'alipay', period: '2021-06' }, translate, 'report\u002Eaccepted', names).fields).toEqual([
        { key: '机构', value: '支付宝（alipay）' },
        { key: '报告期', value: '2021年6月' },
      ]);
      expect(
        summariseDetails({ filters: { institution: ['alipay'], period: '2020-12' } }, translate, 'export\u002Efindings', names).fields[0]
          .value,
      ).toBe('机构 支付宝（alipay）; 报告期 2020年12月');
      expect(summariseDetails({ from: '2020-01', to: '2021-12' }, translate, 'rules\u002Erun', names).fields.map((f) => f.value)).toEqual([
        '2020年1月',
        '2021年12月',
      ]);
      expect(summariseDetails({ institution: null }, translate, 'user\u002Ecreate', names).fields[0].value).toBe('—');
    });
  });
});
