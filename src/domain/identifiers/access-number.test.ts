import { describe, expect, it } from 'vitest';
import { checkAccessNumber } from './check-access-number.ts';

describe('checkAccessNumber', () => {
  it.each(['95123', '951234'])('accepts %s for a cross-regional licence, allocated by MIIT', (number) => {
    expect(checkAccessNumber({ number, scope: 'cross-regional' })).toMatchObject({ valid: true, prefix: '95', allocator: { zh: '中华人民共和国工业和信息化部' } });
  });

  it.each(['96123', '961234', '96-1234'])('accepts %s for an in-province licence, allocated by the province', (number) => {
    expect(checkAccessNumber({ number, scope: 'GD' })).toMatchObject({ valid: true, prefix: '96', allocator: { zh: '广东省通信管理局' } });
  });

  it('rejects a 95 number on an in-province licence and says why', () => {
    const result = checkAccessNumber({ number: '95123', scope: 'BJ' });
    expect(result).toMatchObject({ valid: false, reason: { code: 'scope-mismatch' } });
    if (!result.valid) expect(result.reason.zh).toContain('96');
  });

  it('rejects a 96 number on a cross-regional licence', () => {
    expect(checkAccessNumber({ number: '96123', scope: 'cross-regional' })).toMatchObject({ valid: false, reason: { code: 'scope-mismatch' } });
  });

  it.each([['9512', 'bad-length'], ['9512345', 'bad-length'], ['10086', 'bad-prefix'], ['4001234567', 'bad-prefix'], ['95a23', 'not-digits'], ['', 'empty']])(
    'rejects %s as %s', (number, code) => {
      expect(checkAccessNumber({ number, scope: 'cross-regional' })).toMatchObject({ valid: false, reason: { code } });
    });

  it('rejects a scope that has no communications administration', () => {
    expect(checkAccessNumber({ number: '96123', scope: 'HK' })).toMatchObject({ valid: false, reason: { code: 'bad-scope' } });
  });
});
