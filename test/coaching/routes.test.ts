// readRespondent: what the user typed after looking up the operator.
import { describe, expect, it } from 'vitest';
import { readRespondent } from '../../src/coaching/routes.js';

describe('readRespondent', () => {
  it('labelled lines, a bare company name, an address line, an ICP number', () => {
    expect(readRespondent('名称：深圳市星辰网络科技有限公司\n地址：广东省深圳市南山区科技园路1号')).toEqual({ name: '深圳市星辰网络科技有限公司', address: '广东省深圳市南山区科技园路1号' });
    expect(readRespondent('深圳市星辰网络科技有限公司')).toEqual({ name: '深圳市星辰网络科技有限公司' });
    expect(readRespondent('广东省深圳市南山区科技园路1号')).toEqual({ address: '广东省深圳市南山区科技园路1号' });
    expect(readRespondent('备案号：粤ICP备12345678号-1')).toEqual({ icp: '粤ICP备12345678号-1' });
    expect(readRespondent('没找到')).toEqual({});
  });
});
