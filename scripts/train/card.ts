import { writeFileSync } from 'node:fs';
import type { TrainResult, TrainConfig } from './pipeline';
export function writeModelCard(path: string, res: TrainResult, cfg: TrainConfig): void {
  writeFileSync(path, `# Model card (placeholder)\n\n${JSON.stringify(res.metrics.pooled, null, 1)}\n`);
  void cfg;
}
