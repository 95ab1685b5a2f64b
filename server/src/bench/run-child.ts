// Starts child-task.ts under tsx and reads back its figures.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../config.js';
import type { ChildFigures, ChildTask } from './child-task.js';

const run = promisify(execFile);

export async function runChildTask(task: ChildTask): Promise<ChildFigures> {
  const script = path.join(import.meta.dirname, 'child-task.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, JSON.stringify(task)], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ChildFigures;
}
