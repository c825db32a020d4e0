// The long kill -9 run (npm run soak): 200 kills, printing lost and repeats per kill (max, mean).
import { crashSuite } from './crash-run.js';

crashSuite(Number(process.env.CRASH_KILLS ?? 200), 900_000);
