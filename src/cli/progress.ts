// A one-line progress bar for batch runs. Only on an interactive stderr and for more than one input:
// in CI logs and pipes it would be noise, and stdout carries the report, so it never goes there.
import type { WriteStream } from "node:tty";

export interface Progress {
  tick(label: string): void;
  done(): void;
}

const WIDTH = 24;
const REDRAW_MS = 80;

export function progressBar(total: number, stream: NodeJS.WriteStream | WriteStream): Progress {
  if (!stream.isTTY || total < 2 || process.env.CI !== undefined) return { tick() {}, done() {} };
  let count = 0;
  let lastDraw = 0;
  const draw = (label: string) => {
    const filled = Math.round((count / total) * WIDTH);
    const columns = stream.columns || 80; // 0 on some pseudo-terminals
    const head = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${count}/${total} `;
    const room = Math.max(0, columns - head.length - 1);
    const shown = label.length <= room ? label : room > 1 ? `…${label.slice(label.length - room + 1)}` : "";
    stream.write(`\r\x1b[2K${head}${shown}`);
  };
  return {
    tick(label) {
      count++;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && count < total) return;
      lastDraw = now;
      draw(label);
    },
    done() {
      stream.write("\r\x1b[2K");
    },
  };
}
