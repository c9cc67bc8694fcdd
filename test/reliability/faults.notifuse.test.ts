import { describeFaultMatrix } from './faultSuite';
import { TARGETS } from './targets';

describeFaultMatrix(TARGETS.filter((target) => target.name.startsWith('Notifuse ')));
