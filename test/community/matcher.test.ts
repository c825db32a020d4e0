import { describe, expect, it } from 'vitest';
import { MerchantIndex, maxDistance } from '../../src/community/match/matcher.js';
import { classifyIdentifier, core, fold, hostOf, siteLabel } from '../../src/community/match/normalize.js';

function index(): MerchantIndex {
  const ix = new MerchantIndex();
  ix.set(1, [
    { kind: 'name', value: '小年卡盟' },
    { kind: 'domain', value: 'xiaonian.com' },
    { kind: 'qq', value: '12345678' },
  ]);
  ix.set(2, [{ kind: 'name', value: '大年卡盟' }]);
  ix.set(3, [{ kind: 'name', value: '星辰点卡店' }, { kind: 'wechat', value: 'xc_shop88' }]);
  ix.set(4, [{ kind: 'name', value: '小燕卡盟' }]);
  ix.set(5, [{ kind: 'name', value: '小米商城' }]);
  return ix;
}

const ids = (ix: MerchantIndex, q: string) => ix.lookup(q).map((m) => m.merchantId);

describe('normalising identifiers', () => {
  it('folds full-width, traditional characters and case', () => {
    expect(fold('ＸｉａｏＮｉａｎ 曉年卡盟')).toBe('xiaonian 晓年卡盟');
    expect(core('小年卡盟网')).toBe('小年');
    expect(core('xiaoniankameng')).toBe('xiaonian');
    expect(core('卡盟')).toBe('卡盟');
  });

  it('reads hosts out of URLs and bare domains, without www', () => {
    expect(hostOf('https://www.XiaoNian.com/shop?id=1')).toBe('xiaonian.com');
    expect(hostOf('www.xiaonian.com.cn')).toBe('xiaonian.com.cn');
    expect(hostOf('小年卡盟')).toBeUndefined();
    expect(siteLabel('shop.xiaonian.com.cn')).toBe('xiaonian');
  });

  it('classifies what an admin adds', () => {
    expect(classifyIdentifier('QQ:12345678')).toEqual({ kind: 'qq', value: '12345678' });
    expect(classifyIdentifier('微信：xc_shop88')).toEqual({ kind: 'wechat', value: 'xc_shop88' });
    expect(classifyIdentifier('xiaonian.net')).toEqual({ kind: 'domain', value: 'xiaonian.net' });
    expect(classifyIdentifier('87654321')).toEqual({ kind: 'qq', value: '87654321' });
    expect(classifyIdentifier('小年网')).toEqual({ kind: 'alias', value: '小年网' });
  });
});

describe('MerchantIndex', () => {
  it('finds one record for 小年卡盟, "xiaonian 卡盟", www.XiaoNian.com and its other spellings', () => {
    const ix = index();
    for (const q of ['小年卡盟', 'xiaonian 卡盟', 'www.XiaoNian.com', 'https://XIAONIAN.com/buy?id=9', 'ｘｉａｏｎｉａｎ卡盟', '小年卡盟網', '小年 卡 盟！', 'xiaoniankameng', '12345678', 'QQ 12345678']) {
      expect(ids(ix, q), q).toEqual([1]);
    }
  });

  it('forgives a typo in a long typed name, says it was fuzzy', () => {
    const ix = index();
    const [m] = ix.lookup('xiaoniam');
    expect(m).toMatchObject({ merchantId: 1, distance: 1 });
    expect(ix.lookup('小年卡盟')[0]).toMatchObject({ merchantId: 1, distance: 0, via: 'name' });
  });

  it('does not match unrelated or merely similar names, or a neighbouring QQ number', () => {
    const ix = index();
    expect(ids(ix, '大年卡盟')).toEqual([2]);
    expect(ids(ix, '小燕卡盟')).toEqual([4]);
    expect(ids(ix, 'xiaoyan kameng')).toEqual([4]);
    expect(ids(ix, '小美商城')).toEqual([]);
    expect(ids(ix, '星月点卡店')).toEqual([]);
    expect(ids(ix, '12345679')).toEqual([]);
    expect(ids(ix, '卡盟')).toEqual([]);
    expect(ids(ix, 'abc')).toEqual([]);
    expect(ids(ix, 'xc_shop88')).toEqual([3]);
  });

  it('forgets a merchant removed and re-indexes one edited', () => {
    const ix = index();
    ix.remove(1);
    expect(ids(ix, '小年卡盟')).toEqual([]);
    ix.set(2, [{ kind: 'name', value: '大年卡盟' }, { kind: 'domain', value: 'danian.cc' }]);
    expect(ids(ix, 'http://danian.cc')).toEqual([2]);
    expect(ix.size).toBe(4);
  });

  it('allows no edits under 8 letters, one up to 11, two from 12', () => {
    expect([maxDistance(7), maxDistance(8), maxDistance(11), maxDistance(12)]).toEqual([0, 1, 1, 2]);
  });

  it('answers among 10,000 merchants without scanning them (a typo compares a handful of names)', () => {
    const ix = new MerchantIndex();
    const syl = ['xiao', 'nian', 'da', 'xing', 'chen', 'yue', 'long', 'feng', 'tian', 'hai', 'jin', 'bao', 'kai', 'le', 'mei', 'shan'];
    for (let i = 0; i < 10_000; i++) {
      const name = `${syl[i % 16]}${syl[(i >> 4) % 16]}${syl[(i >> 8) % 16]}${i}kameng`;
      ix.set(i + 10, [{ kind: 'name', value: name }, { kind: 'domain', value: `${name}.com` }]);
    }
    ix.set(1, [{ kind: 'name', value: '小年卡盟' }]);
    expect(ids(ix, 'xiaonian 卡盟')).toContain(1);
    // A typo of one listed name: the trigram index hands over a few candidates, not 10,000 names.
    const i = 1234;
    const listed = `${syl[i % 16]}${syl[(i >> 4) % 16]}${syl[(i >> 8) % 16]}${i}kameng`;
    expect(ids(ix, listed.replace('chen', 'chan'))).toContain(i + 10);
    expect(ix.lastVerified).toBeGreaterThan(0);
    expect(ix.lastVerified).toBeLessThan(100);
  });
});
