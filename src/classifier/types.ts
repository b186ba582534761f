export const LABELS = ['bullying', 'grooming', 'sexual', 'threat', 'hate'] as const;
export type Label = (typeof LABELS)[number];
export type Scores = Record<Label, number>;
export type Sensitivity = 'low' | 'medium' | 'high';
export const SENSITIVITIES: readonly Sensitivity[] = ['low', 'medium', 'high'];

export type CueKind =
  | 'age'
  | 'location'
  | 'secrecy'
  | 'isolation'
  | 'flattery'
  | 'sexual'
  | 'pictures'
  | 'private-channel'
  | 'meeting'
  | 'gifts'
  | 'threats';

export const CUE_KINDS: readonly CueKind[] = [
  'age', 'location', 'secrecy', 'isolation', 'flattery', 'sexual', 'pictures', 'private-channel', 'meeting', 'gifts', 'threats',
];

export interface ModelSource {
  readJson(name: string): Promise<unknown>;
  readBinary(name: string): Promise<ArrayBuffer>;
}

export interface Classifier {
  readonly version: string;
  readonly thresholds: Record<Sensitivity, Scores>;
  classify(texts: string[]): Promise<Scores[]>;
  flagged(scores: Scores, sensitivity?: Sensitivity): Label[];
  dispose(): void;
}
