// One progress bar per phase (cli-progress); on a terminal that is not a TTY, one line per finished phase.
import cliProgress from 'cli-progress';

export function createProgress({ stream = process.stderr, log = (line) => console.log(line) } = {}) {
  const tty = Boolean(stream.isTTY);
  const multi = tty
    ? new cliProgress.MultiBar(
        {
          stream,
          format: ' {phase} |{bar}| {percentage}% | {value}/{total} {unit} | {duration_formatted}',
          barsize: 30,
          hideCursor: true,
          clearOnComplete: false,
          autopadding: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let stopped = false;
  return {
    bar(name) {
      const phase = name.padEnd(16);
      let bar = null;
      let count = 0;
      return {
        start(total, unit) {
          if (multi) bar = multi.create(total, 0, { phase, unit });
          this.total = total;
        },
        tick(n = 1) {
          count += n;
          bar?.update(count);
        },
        done(seconds) {
          bar?.update(count);
          bar?.stop();
          const line = `${name}: ${seconds.toFixed(1)} s`;
          if (multi) multi.log(`${line}\n`);
          else log(line);
        },
      };
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi?.stop();
    },
  };
}
