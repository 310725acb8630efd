// Authorization matrix, part 2 of 3: the dossier itself, its plan, measurements, exports, caseload.
import { describeMatrix } from './matrix-runner.js';

const CONTENT = /\/dossiers\/:id\/(debts|incomes|expenses|actions)\b/;
describeMatrix('dossiers', (route) => (route.includes('/dossiers') || route.includes('/caseload')) && !CONTENT.test(route));
