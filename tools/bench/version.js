import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../seed/database.js';

/** The commit measured, and whether the work tree had uncommitted changes to tracked files. */
export function codeVersion() {
  try {
    const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git work tree)';
  }
}
