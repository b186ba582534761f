import { adultify, hasMinorAge } from '../src/classifier/conversation';
for (const t of ['im 13', 'i am 14 and in 8th grade', '13/f', 'im 15 yo', 'im 25', 'ich bin 12 jahre alt', 'i go to middle school', 'im 9']) console.log(t, '->', adultify(t), hasMinorAge(adultify(t)));
