import { describe, expect, it } from 'vitest';
import { summariseThreadDump } from './engine-diagnosis.js';

const thread = (name: string, state: string, ...frames: string[]) =>
  [
    `"${name}" #1 daemon prio=5 os_prio=0 cpu=1.00ms elapsed=5.00s tid=0x1 nid=0x2 waiting`,
    `   java.lang.Thread.State: ${state}`,
    ...frames.map((f) => `\tat ${f}`),
  ].join('\n');

describe('summariseThreadDump', () => {
  it('keeps a deadlock report whole', () => {
    const dump = `Full thread dump\n\nFound one Java-level deadlock:\n=============================\n"a":\n  waiting to lock monitor`;
    expect(summariseThreadDump(dump)).toMatch(/^Found one Java-level deadlock:\n=+\n"a"/);
  });

  it('names the test service threads at work, not its idle polls and timer', () => {
    const dump = [
      'Full thread dump OpenJDK',
      thread(
        'poller',
        'WAITING (on object monitor)',
        'io.temporal.internal.testservice.TestWorkflowService.pollTaskQueue(TestWorkflowService.java:531)',
      ),
      thread(
        'SelfAdvancingTimer Pump',
        'TIMED_WAITING (parking)',
        'io.temporal.internal.testservice.SelfAdvancingTimerImpl$TimerPump.runLocked(SelfAdvancingTimerImpl.java:154)',
      ),
      thread(
        'sleeper',
        'WAITING (parking)',
        'java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2096)',
        'io.temporal.internal.testservice.TestService.unlockTimeSkippingWhileSleep(TestService.java:126)',
      ),
      thread(
        'stuck',
        'BLOCKED (on object monitor)',
        'io.temporal.internal.testservice.TestWorkflowMutableStateImpl.update(TestWorkflowMutableStateImpl.java:327)',
      ),
    ].join('\n\n');
    const summary = summariseThreadDump(dump);
    expect(summary).toMatch(/^\d+ threads, 1 blocked; busy in the test service: 2/);
    expect(summary).toContain('"sleeper" #1 daemon elapsed=5.00s waiting');
    expect(summary).toContain('TestService.unlockTimeSkippingWhileSleep');
    expect(summary).not.toContain('CompletableFuture.get');
    expect(summary).toContain('"stuck"');
    expect(summary).not.toContain('poller');
    expect(summary).not.toContain('Pump');
  });
});
