// SQL over other users' open cases, read-only: which merchants they name (counts for lookups and
// collective complaints). Never returns facts beyond the merchant texts.
import type { DB } from '../../store/db.js';

export interface OpenCaseNames {
  caseId: number;
  userId: number;
  merchant: unknown;
  platform: unknown;
}

export class OpenCaseStore {
  constructor(private readonly db: DB) {}

  /** Every open, coached case with the merchant and platform texts it names. */
  all(): OpenCaseNames[] {
    return this.db
      .prepare(
        `SELECT id AS caseId, user_id AS userId, json_extract(facts, '$.merchant') AS merchant, json_extract(facts, '$.platform') AS platform
         FROM cases WHERE status = 'open' AND stage <> 'declined'`,
      )
      .all() as OpenCaseNames[];
  }
}
