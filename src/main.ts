// The start command (`npm start`): settings from the environment and .env, then src/app/start.ts.
import 'dotenv/config';
import { main } from './app/start.js';

main();
