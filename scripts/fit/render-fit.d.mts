// Types for TypeScript consumers (test/scores) of render-fit.mjs.
import type { Fit, ScoreBounds } from "./fit.mjs";

export declare const HAND_WRITTEN_MARKER: string;
export declare function renderFit(inputs: { fit: Fit; severities: ReadonlyMap<string, string>; kept: string; bounds: ScoreBounds }): string;
