package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WestfallYoungTest {

  @Test
  void stepDownMaximaByHand() {
    // Observed scores of frames A, B, C: 3, 1, 2 (order A, C, B). Four labelings, the observed first.
    WestfallYoung westfallYoung = new WestfallYoung(new double[] {3, 1, 2});
    westfallYoung.add(new double[] {3, 1, 2}, 1);
    westfallYoung.add(new double[] {0.5, 1.5, 0.2}, 1); // max over {A,C,B} 1.5, {C,B} 1.5, {B} 1.5
    westfallYoung.add(new double[] {3.5, 0.1, 0.1}, 1); // max over {A,C,B} 3.5, {C,B} 0.1, {B} 0.1
    westfallYoung.add(new double[] {0.2, 0.3, 2.5}, 1); // max over {A,C,B} 2.5, {C,B} 2.5, {B} 0.3

    // A: 3 reached by labelings 1 and 3: 2/4. C: 2 reached by 1 and 4: 2/4. B: 1 reached by 1 and 2: 2/4.
    assertThat(westfallYoung.adjusted()).containsExactly(0.5, 0.5, 0.5);
  }

  @Test
  void adjustedValuesAreMonotoneInTheObservedOrder() {
    WestfallYoung westfallYoung = new WestfallYoung(new double[] {5, 1});
    westfallYoung.add(new double[] {5, 1}, 2);
    westfallYoung.add(new double[] {6, 0}, 2); // the top frame is beaten; the second one is not
    westfallYoung.add(new double[] {0, 0}, 2);

    // Raw step-down shares: 4/6 for the first, 2/6 for the second, lifted to 4/6.
    assertThat(westfallYoung.adjusted()).containsExactly(4.0 / 6, 4.0 / 6);
  }
}
