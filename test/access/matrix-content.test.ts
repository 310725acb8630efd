// Authorization matrix, part 3 of 3: a dossier's debts, incomes, expenses and actions.
import { describeMatrix } from './matrix-runner.js';

describeMatrix('dossier content', (route) => /\/dossiers\/:id\/(debts|incomes|expenses|actions)\b/.test(route));
