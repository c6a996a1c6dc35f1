import type { AssetRecord } from '../catalog/assetRecord.ts';
import { ProblemError } from '../http/problem.ts';
import type { FoundTool } from './findTool.ts';
import { ToolFailure } from './runTool.ts';

/** A file the tool cannot read: the asset's fault, not the server's, with the tool's own reason. */
export function unreadable(asset: AssetRecord, tool: FoundTool, why: string): ProblemError {
  return new ProblemError(422, `assetId: ${tool.name} could not process ${asset.name} (${why})`, 'assetId');
}

/** A run that was stopped or never started, as the problem the client gets; other errors as they are. */
export function toolFailureProblem(asset: AssetRecord, tool: FoundTool, doing: string, error: unknown): unknown {
  if (!(error instanceof ToolFailure)) return error;
  if (error.kind === 'timeout') return new ProblemError(503, `${tool.name}: ${doing} ${asset.name} ${error.message}`);
  if (error.kind === 'output') return unreadable(asset, tool, error.message);
  return new ProblemError(503, `${tool.name}: ${error.message}`);
}
