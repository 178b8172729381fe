package dev.governor.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The set verify keeps of the rows it saw bound: through many growths, and for ids made to collide. */
class UuidSetTest {

    @Test
    void holdsEveryIdAddedAndNoOther() {
        Random random = new Random(20261202);
        UuidSet set = new UuidSet();
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            added.add(id);
            assertThat(set.add(id)).isTrue();
        }
        assertThat(set.add(added.get(123))).isFalse();
        assertThat(set.size()).isEqualTo(50_000);
        assertThat(added).allMatch(set::contains);
        for (int i = 0; i < 50_000; i++) assertThat(set.contains(new UUID(random.nextLong(), random.nextLong()))).isFalse();
    }

    @Test
    void idsThatDifferInOneHalfOnlyAreToldApart() {
        UuidSet set = new UuidSet();
        for (long i = 0; i < 1_000; i++) set.add(new UUID(7, i));
        for (long i = 0; i < 1_000; i++) set.add(new UUID(i, 7));
        assertThat(set.size()).isEqualTo(1_999); // (7, 7) is in both halves
        assertThat(set.contains(new UUID(7, 1_000))).isFalse();
        assertThat(set.contains(new UUID(1_000, 7))).isFalse();
        assertThat(set.contains(new UUID(999, 7))).isTrue();
    }
}
