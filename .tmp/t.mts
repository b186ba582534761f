import { thresholdForPrecision } from '../scripts/train/metrics';
console.log(thresholdForPrecision([0.9,0.8,0.5,0.1,0.05,0.01],[1,1,1,0,0,0],0.8,1));
console.log(thresholdForPrecision([0.9,0.8,0.5,0.45,0.05,0.01],[1,1,1,0,1,0],0.8,1));
