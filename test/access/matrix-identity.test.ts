// Authorization matrix, part 1 of 3: public routes, sign-in, accounts and locations.
import { describeMatrix } from './matrix-runner.js';

describeMatrix('identity and public routes', (route) => !route.includes('/dossiers') && !route.includes('/caseload'));
