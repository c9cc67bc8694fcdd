import { describeFaultMatrix } from './faultSuite';
import { REMOVAL_TARGETS } from './removalTargets';

describeFaultMatrix(REMOVAL_TARGETS);
