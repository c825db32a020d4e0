// SQL the community features need about users and their cases' evidence: a user's private chat
// (for notices), the alert opt-in, and how many evidence files a case holds.
import type { DB } from '../../store/db.js';
import type { Platform } from '../../types.js';

export class PeopleStore {
  constructor(private readonly db: DB) {}

  /** The user's private chat, if the bot has one. */
  chatOf(userId: number): { platform: Platform; chatId: string } | undefined {
    const u = this.db.prepare(`SELECT platform, chat_id AS chatId FROM users WHERE id = ?`).get(userId) as { platform: Platform; chatId: string | null } | undefined;
    return u?.chatId ? { platform: u.platform, chatId: u.chatId } : undefined;
  }

  setAlerts(userId: number, on: boolean): void {
    this.db.prepare(`UPDATE users SET alerts_opt_in = ? WHERE id = ?`).run(on ? 1 : 0, userId);
  }

  /** Evidence files of a case (screenshots, documents); ticking a checklist item is not a file. */
  evidenceCount(caseId: number): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM evidence WHERE case_id = ? AND kind <> 'tick'`).get(caseId) as { n: number }).n;
  }

  /** The files of a case (references), to attach to a report made from it. */
  evidenceFiles(caseId: number): { kind: string; ref: string }[] {
    return this.db.prepare(`SELECT kind, file_ref AS ref FROM evidence WHERE case_id = ? AND kind <> 'tick' AND file_ref IS NOT NULL ORDER BY id`).all(caseId) as {
      kind: string;
      ref: string;
    }[];
  }
}
