package dev.kaimono.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void theCpuOfAReapedChildIsCountedOnlyWithReapedChildren() throws Exception {
        assumeTrue(ProcessCpu.available(), "no /proc here");
        long self = ProcessHandle.current().pid();
        double withBefore = ProcessCpu.cpuSeconds(self, true).orElseThrow();
        double ownBefore = ProcessCpu.cpuSeconds(self, false).orElseThrow();

        // A child that spends CPU and exits; waitFor reaps it, crediting its CPU to this process.
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 1500000 ]; do i=$((i+1)); done").start();
        assertThat(child.waitFor()).isZero();

        double children = (ProcessCpu.cpuSeconds(self, true).orElseThrow() - withBefore)
                - (ProcessCpu.cpuSeconds(self, false).orElseThrow() - ownBefore);
        assertThat(children).isGreaterThanOrEqualTo(0.2);
    }
}
