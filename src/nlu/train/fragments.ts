// Hand-written fragments that build-corpus.ts combines into training messages: context
// (when, where, how, how much, what), a complaint core per scenario, and a closer.
// Written for the classifier's training set only; never taken from the holdout files.
import type { ScenarioOrOther } from '../../types.js';

export const WHEN = ['昨天', '前天晚上', '今天早上', '刚才', '上周', '11月3号', '前几天', '3天前', '昨晚十点', '中午', '上个月', '周末', '半小时前', '早上8点多', '双十一那天', '前两天'];
export const WHERE = ['在星辰卡盟', '在91发卡网', '在闲鱼上', '在淘宝', '在一个发卡网站', '在某宝', '在群里找的卖家那', '在拼多多', '在小鹿发卡', '在一家卡盟', '在ka88.cc', '在朋友推荐的网站', '在抖音小店', '在一个代充店'];
export const HOW = ['用支付宝', '用微信', '用QQ钱包', '刷银行卡', '用余额', '用花呗', '用信用卡', 'zfb', 'vx'];
export const AMOUNT = ['花了68', '付了30元', '¥128', '充了100块', '花了两百', '付了9.9', '花了1.5k', '付了648', '花了三十五块', '25块钱'];
export const WHAT = ['买了Q币', '买了王者点券', '买了腾讯视频会员', '买了steam充值卡', '买了原神月卡', '买了网易云黑胶', '充了话费', '买了个游戏账号', '买了激活码', '开了爱奇艺VIP', '买了chatgpt plus', '买了京东E卡', '买了加速器月卡', '充了油卡', '买了B站大会员', '买了优酷会员兑换码', '买了Switch点卡', '买了百度网盘会员', '买了迷你币', '买了和平精英点券', '买了win10激活码', '买了office密钥', '买了xbox礼品卡', '买了苹果礼品卡'];
export const CLOSER = ['', '', '', '，怎么办', '，能退吗', '，求助', '，气死了', '，该咋整', '，咋办啊', '，有没有人遇到过', '，怎么维权', '，我该找谁', '!!', '。', '，急', '，帮帮我', '，这正常吗', '，能帮我写个投诉吗'];
export const EMOJI = ['😭', '😡', '🙃', '🤬', '😤', '💢', '🥲', '😓', '❓', '‼️', '🙏', '😅'];

export const EN_WHEN = ['yesterday', 'two days ago', 'this morning', 'last night', 'an hour ago', 'on Monday', 'last week'];
export const EN_WHAT = ['a steam code', 'a Netflix gift card', 'game credits', 'a VIP membership', 'a game key', 'some Q coins', 'an Xbox card', 'a Spotify code'];
export const EN_WHERE = ['on a card site', 'from a seller on Xianyu', 'on some shop', 'from a 卡盟', 'on ka88.cc', 'from a reseller'];
export const EN_HOW = ['with alipay', 'via wechat pay', 'with my bank card', 'using my balance', ''];

/** Complaint cores: what went wrong, without the context. */
export const CORE: Record<ScenarioOrOther, string[]> = {
  not_received: [
    '到现在都没到账', '卡密一直没发', '卖家一直不发货', '东西没收到', '一直显示待发货', '会员没开通', '点券没到', '钱付了货没来',
    '订单已付款但没卡密', '等了一天还是没发', '一直处理中', '充值中好几个小时了', '客服说稍等就再没回', '卖家已读不回', '邮箱里什么都没有',
    '账号上没有变化', '余额还是原来的数', '说好秒发结果一直没发', '订单显示已完成可我没拿到东西', '付款成功了就是不给卡密', '付款成功订单也在，就是没货',
    '卖家说发了我没收到', '发货页面是空的', '说缺货让我等', '一直在排队', '一直卡在出卡中', '没有任何卡密信息', '提货码一直没给', '到现在还没有发货',
    '说今天发又没发', '拖了两天都不发', '说人工发货，等到现在', '会员还是没到', '游戏里没到账', '没给我账号密码', '订单是交易成功，可是东西没来',
    '付完款就没下文了', '钱扣了东西没给', '没到帐', '还没发卡', '迟迟不到账', '等发货等了一整天', '卡密那栏一直空着', '页面让我耐心等待，几小时了',
  ],
  double_charge: [
    '被扣了两次钱', '同一个订单扣款两次', '重复扣款了', '账单里有两笔一样的', '多扣了一笔', '扣了两遍', '银行卡扣了两次只有一个订单',
    '第一次显示失败我又付了一次，结果两次都扣了', '点了两次付款，扣了两次', '支付宝和微信都扣了', '同一笔扣了三次', '扣了双倍的钱',
    '收到两条扣款短信', '流水里同一单两笔支出', '只买了一个却付了两次钱', '重复支付', '被重复收费了', '商家说只收到一笔，可我被扣了两笔',
    '付完又被自动扣了一次', '扣款记录有两条', '多收了我一次钱', '一单扣了我两回', '两笔同样金额的扣款', '钱扣了二次', '扣费重复了',
    '刷新后又付了一遍，两次都成功了', '余额和银行卡都扣了', '扣了两份钱只给一份货', '明细里两条一样的消费',
  ],
  card_used: [
    '卡密提示已被使用', '激活码无效', '兑换码已被兑换', '卡密错误', 'cdk显示已激活', '充值卡提示已充值', '卡号或密码错误', '礼品卡已被绑定',
    '卡密刚收到就过期了', '序列号无效', 'key被别人用过了', '兑换码不存在', '卡密兑换失败', '卡密余额是0', '提示此卡已使用', '码是废的',
    '卡密是用过的', '提示兑换码已被领取', '激活次数达到上限', '卡密对不上', '充不进去，提示卡密无效', '码输进去说不正确', '兑换码已作废',
    '一兑换就说用过了，我根本没用', '收到的卡是被人用过的', '激活不了，显示已被其他账号激活', '提示卡密已失效', '卡密被盗用了',
  ],
  merchant_vanished: [
    '卖家跑路了', '网站打不开了', '商家把我拉黑了', '店铺没了', '卖家联系不上了', '群解散了', '网站关站了', '客服失联了', '卖家卷钱跑了',
    '店铺搜不到了', '商家微信把我删了', '网址无法访问', '平台倒闭了，余额提不出来', '卖家注销了账号', '网站一直404，人也找不到', '老板消失了',
    '电话打不通，店也关了', '店铺下线了', '整个站都没了', '卖家把我踢群拉黑了', '人去楼空', '平台停止运营不让提现', '网站变成空白页，老板不回',
    '卖家的QQ变成空号了', '店被封了人也不见了', '网站域名过期了，客服也没了',
  ],
  payment_failed: [
    '付款失败但钱扣了', '支付失败，银行卡扣款了', '钱扣了订单没生成', '付款后订单显示未支付', '支付页面报错，钱扣了', '付款超时，但扣了钱',
    '平台说没收到我的付款', '交易失败却扣了钱', '付完款订单消失了', '订单查不到，钱没了', '付款时网页崩了', '扫码后白屏，钱被扣了',
    '支付结果未知，钱已经扣了', '订单是待支付，可钱已经付了', '付款成功了但是网站上没有订单', '支付成功后订单被取消了', '订单已关闭，钱没退',
    '付款一直转圈然后失败，钱扣了', '提示系统繁忙，钱却扣了', '二维码付完说订单已失效', '扣款成功但订单未生成', '付款时闪退，钱扣了',
    '付款提示网络错误，钱扣走了', '商家后台查不到我的付款', '订单列表里什么都没有，钱扣了', '付款成功页面刷新后订单没了', '显示交易关闭，但我付了钱',
    '支付中卡住了，扣了钱没订单', '付了钱订单却是未付款', '订单超时自动关闭，钱已付',
  ],
  not_as_described: [
    '说是永久会员结果一个月就过期', '货不对板', '和描述不符', '说是满级号结果才10级', '宣传全皮肤实际没几个', '说好的独享结果是共享',
    '买的年卡给的月卡', '说正版结果是盗版', '页面写终身实际7天', '说好1000点券只到了500', '描述说送皮肤没送', '账号和介绍不一样',
    '开的是普通会员不是超级会员', '标题写无限制结果有次数限制', '说能看4K结果只有标清', '到手的号没有描述里的角色', '说一手号结果被找回了',
    '说30天实际3天', '写着含DLC实际没有', '说不封号第二天就封了', '收到的和商品页写的不符', '买的国际版给的国区', '写私人账号结果好几个人用',
    '说的是体验卡当永久卖', '等级和描述不符', '说能改绑结果改不了', '实际收到的东西缩水了', '说好的专业版给了基础版',
  ],
  other: [
    '想问问怎么投诉', '东西收到了挺好用', '不想要了能退吗', '买错了想换一个', '想问能不能开发票', '怎么查订单号', '卡密怎么用',
    '兑换码在哪里输入', '想给商家好评', '会员到期了怎么续费', '想问下退款多久到', '能推荐个靠谱的卡盟吗', '商家问我要不要续费',
    '已经解决了谢谢', '想知道怎么保留证据', '账号被盗了怎么办', '游戏号被封了', '想咨询一下维权流程', '卖家态度差但东西没问题',
    '能用，就是后悔买了', '想再买一个', '用得挺好，问问有没有优惠',
  ],
};

/** English cores. */
export const EN_CORE: Record<ScenarioOrOther, string[]> = {
  not_received: ['and it never arrived', 'but nothing was delivered', 'still no code', "and haven't received anything", 'the order is stuck on pending', 'but the credits never showed up', 'seller keeps saying wait', 'no key in my email'],
  double_charge: ['and got charged twice', 'and there are two identical charges', 'the payment was taken twice', 'and my card was debited two times', 'they charged me 3 times for one order', 'duplicate charge on my statement'],
  card_used: ['and the code says already used', 'but the key is invalid', 'the code was already redeemed', 'the card shows zero balance', 'activation says key already activated', 'the code expired immediately'],
  merchant_vanished: ['and now the site is down', 'and the seller blocked me', 'the shop disappeared', 'the seller vanished with my money', "and I can't reach the seller, store closed", 'the website shut down'],
  payment_failed: ['the payment failed but I was charged', 'the order shows unpaid but money is gone', 'checkout crashed, money taken, no order', "I was charged but there's no order", 'payment timed out and the bank still took the money', 'payment error and the order was cancelled'],
  not_as_described: ['but it is not as described', 'listing said lifetime, got a 7 day trial', 'it is missing what the listing promised', 'they gave basic instead of premium', 'the account is different from the description', 'it was supposed to be a full year but lasted a month'],
  other: ['how do I use it', 'it works fine, thanks', 'can I get an invoice', 'I changed my mind, can I return it', 'where do I enter the code', 'is this site safe'],
};

/** Common typos: a correct fragment and how users mistype it. */
export const TYPOS: ReadonlyArray<readonly [string, string]> = [
  ['卡密', '卡蜜'], ['卡密', '卡米'], ['到账', '到帐'], ['发货', '法货'], ['失败', '失白'], ['跑路', '跑陆'], ['兑换', '对换'],
  ['激活', '激或'], ['描述', '描数'], ['充值', '冲值'], ['付款', '付欵'], ['怎么', '咋么'], ['没有', '莫有'], ['客服', '课服'],
  ['拉黑', '拉嘿'], ['扣了', '口了'], ['订单', '定单'], ['已使用', '以使用'], ['网站', '往站'], ['重复', '从复'],
];

// Wrappers in the style of real posts (issue 13, written here, not collected): a greeting, a
// headline tag, a question to other users or a rant around the complaint. The label stays the
// complaint's; the same wrappers also go around `other` lines, so they carry no label themselves.
export const REAL_PREFIX = [
  '大家好，', '你好，', '各位好，请教一下：', '[求助] ', '【避坑】', '[跑路/预警] ', '【预警】', '标题说得很清楚了。\n', '如题。\n',
  '作者你好，', '管理员你好，', '想问一下，', '说一下我的情况：', '真的无语了。', '先说结论：', 'hi，', '各位老哥，', '有人知道怎么回事吗？\n',
];
export const REAL_SUFFIX = [
  '\n可以退款吗？', '，请问怎么退款', '。你们付款后遇到这种情况是怎么解决的？', '。有人遇到过吗', '\n希望尽快处理，谢谢！', '，麻烦看一下',
  '。', '！！！', '，求回复', '\n要么退钱，要么给个说法', '。之前用得好好的，真的很失望', '，这种情况正常吗？', '。\n谢谢', '，急急急',
];
