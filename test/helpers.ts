// Shared test helpers: a real App on SQLite and a tiny driver that talks to the engine like an adapter would.
import { createApp, type App } from '../src/app.js';
import { testConfig, type Config } from '../src/config.js';
import type { Attachment, Delivery, Inbound, Platform, Reply } from '../src/types.js';

export function makeApp(overrides: Partial<Config> = {}, start = new Date('2026-11-20T08:00:00Z')): App & { clock: { t: Date } } {
  const clock = { t: start };
  const app = createApp(testConfig(overrides), { now: () => clock.t });
  return Object.assign(app, { clock });
}

let seq = 0;

/** Talks to the engine as one user; marks every delivery sent like an adapter would. */
export class Driver {
  readonly log: Reply[] = [];
  constructor(
    readonly app: App,
    readonly userId = 'u1',
    readonly platform: Platform = 'terminal',
    readonly chatKind: 'private' | 'group' = 'private',
    readonly chatId = userId,
  ) {}

  inbound(p: Partial<Inbound>): Inbound {
    return {
      platform: this.platform,
      updateId: `upd-${++seq}`,
      userId: this.userId,
      displayName: '测试用户',
      chatId: this.chatId,
      chatKind: this.chatKind,
      at: this.app.now(),
      ...p,
    };
  }

  deliver(ds: Delivery[]): Reply[] {
    for (const d of ds) this.app.outbox.markSent(d.outboxId, this.app.now());
    const replies = ds.map((d) => d.reply);
    this.log.push(...replies);
    return replies;
  }

  say(text: string): Reply[] {
    return this.deliver(this.app.engine.handle(this.inbound({ text })));
  }

  /**
   * Presses a button. 下一步 carries the step it was shown on (`r:next:2`); a test may name it
   * unstamped (`r:next`) to mean the one in the latest message.
   */
  press(choice: string): Reply[] {
    const shown = this.log.length ? (this.last().choices?.map((c) => c.id) ?? []) : [];
    const id = choice === 'r:next' && !shown.includes(choice) ? (shown.find((c) => c.startsWith('r:next:')) ?? choice) : choice;
    return this.deliver(this.app.engine.handle(this.inbound({ choice: id })));
  }

  send(attachments: Attachment[], text?: string): Reply[] {
    return this.deliver(this.app.engine.handle(this.inbound({ attachments, text })));
  }

  last(): Reply {
    return this.log[this.log.length - 1];
  }

  /** The choice whose id starts with prefix in the last reply; throws if absent (so a test fails loudly). */
  choice(prefix: string): string {
    const c = this.last().choices?.find((x) => x.id.startsWith(prefix));
    if (!c) throw new Error(`no choice ${prefix} in: ${JSON.stringify(this.last())}`);
    return c.id;
  }

  activeCase() {
    const u = this.app.db.prepare(`SELECT id FROM users WHERE platform = ? AND platform_user_id = ?`).get(this.platform, this.userId) as { id: number } | undefined;
    if (!u) return undefined;
    const s = this.app.engine.repo.loadSession(u.id);
    return s.activeCaseId === null ? undefined : this.app.engine.repo.getCase(s.activeCaseId);
  }
}

/** A good answer for every intake question id used by the flows. */
export const GOOD: Record<string, { text?: string; choice?: string }> = {
  platform: { text: '小年卡盟' },
  merchant: { text: '星辰点卡店' },
  item: { text: '王者荣耀点券600' },
  orderId: { text: '202611201530123456' },
  amount: { text: '¥100' },
  paymentMethod: { choice: 'a:alipay' },
  paidAt: { text: '昨天下午3点' },
  promisedTime: { choice: 'a:instant' },
  goodsState: { choice: 'a:nothing' },
  sellerContact: { choice: 'a:no_reply' },
  chargeCount: { text: '2次' },
  extraAmount: { text: '100元' },
  orderCount: { choice: 'a:one' },
  channels: { choice: 'a:same' },
  cardKey: { text: 'ABCD1234EFGH5678WXYZ' },
  errorShown: { text: '该卡密已被使用' },
  redeemedBefore: { choice: 'a:never' },
  triedAt: { text: '昨天晚上8点' },
  unreachableSince: { text: '3天前' },
  siteState: { choice: 'a:down' },
  balance: { text: '300元' },
  balanceIsPayment: { choice: 'a:no' },
  othersAffected: { choice: 'a:yes' },
  orderExists: { choice: 'a:yes_failed' },
  moneyTaken: { choice: 'a:yes' },
  promised: { text: '终身VIP会员' },
  received: { text: '7天试用会员' },
  usedAlready: { choice: 'a:no' },
  arrivedPart: { text: '600点券到了300' },
};

/** Answers intake questions until the case leaves intake. Returns the question ids asked, in order. */
export function answerIntake(d: Driver, overrides: Record<string, { text?: string; choice?: string }> = {}): string[] {
  const asked: string[] = [];
  for (let i = 0; i < 40; i++) {
    const c = d.activeCase();
    if (!c || c.state.stage !== 'intake' || !c.state.q) return asked;
    const q = c.state.q;
    asked.push(q);
    const a = overrides[q] ?? GOOD[q];
    if (!a) throw new Error(`no answer for ${q}`);
    if (a.choice) d.press(a.choice);
    else d.say(a.text!);
  }
  throw new Error('intake did not finish');
}
