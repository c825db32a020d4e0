// kill -9 at random moments, 30 times (npm test); the 200-kill run is `npm run soak` (crash.soak.ts).
import { crashSuite } from './crash-run.js';

crashSuite(Number(process.env.CRASH_KILLS ?? 30), 120_000);
