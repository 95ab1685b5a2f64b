// Starts child-task in a process of its own and reads back its figures: compiled (npm run bench
// runs dist/tools, compiled as npm start's dist/server is) it is plain JavaScript; from the
// sources (the bench's smoke test) it runs under tsx.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/config.js';
import type { ChildFigures, ChildTask } from './child-task.js';

const run = promisify(execFile);

export async function runChildTask(task: ChildTask): Promise<ChildFigures> {
  const script = path.join(import.meta.dirname, `child-task${path.extname(import.meta.filename)}`);
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const { stdout } = await run(process.execPath, [...loader, script, JSON.stringify(task)], {
    cwd: projectRoot,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ChildFigures;
}
