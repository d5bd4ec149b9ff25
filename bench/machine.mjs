/** What machine the bench ran on, and how busy it was (Linux /proc; other systems: the os module). */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Cumulative CPU jiffies of the whole machine: total and stolen by the hypervisor. */
export function cpuTimes() {
  try {
    const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = v.map(Number);
    return { total: n.reduce((a, b) => a + b, 0), steal: n[7] ?? 0 };
  } catch {
    return { total: 0, steal: 0 };
  }
}

export function describeMachine(chromium) {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  let osName = `${os.type()} ${os.release()}`;
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
    osName = /PRETTY_NAME="?([^"\n]+)"?/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
  } catch {
    // not Linux: keep the os module's answers
  }
  return {
    cpu,
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    os: osName,
    kernel: os.release(),
    node: process.version,
    chromium,
  };
}
