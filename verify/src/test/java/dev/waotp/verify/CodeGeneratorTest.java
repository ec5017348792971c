package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.InvalidInputException;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Codes have the asked length, use only the alphabet, and every symbol is equally likely at every
 * position. Uniformity is a chi-square test whose bound is fixed at a one-in-a-million false alarm
 * per statistic; the last test shows the same check catches the bias of {@code random % n}.
 */
class CodeGeneratorTest {
    private static final int DRAWS = 100_000;
    /** One in a million: the chance that a uniform source exceeds the bound anyway, per statistic. */
    private static final double FALSE_ALARM_Z = 4.753;

    @ParameterizedTest
    @EnumSource(CodeAlphabet.class)
    void codesHaveTheLengthAndOnlyTheAlphabetsSymbols(CodeAlphabet alphabet) {
        for (int length = CodeGenerator.MIN_LENGTH; length <= CodeGenerator.MAX_LENGTH; length++) {
            CodeGenerator generator = new CodeGenerator(new SecureRandom(), alphabet, length);
            for (int i = 0; i < 1000; i++) {
                assertThat(generator.next()).hasSize(length)
                        .matches("[" + alphabet.symbols() + "]+");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 11, 15, 16})
    void lengthsOutsideFourToTenAreRefusedNamingTheField(int length) {
        assertThatThrownBy(() -> new CodeGenerator(new SecureRandom(), CodeAlphabet.DIGITS, length))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("codeLength: must be 4 to 10 characters, was " + length);
    }

    @ParameterizedTest
    @EnumSource(CodeAlphabet.class)
    void everySymbolIsEquallyLikelyAtEveryPosition(CodeAlphabet alphabet) {
        int length = 6;
        long[][] counts = count(new CodeGenerator(new SecureRandom(), alphabet, length), alphabet, length);
        int symbols = alphabet.symbols().length();
        double bound = chiSquareBound(symbols - 1);

        long[] pooled = new long[symbols];
        for (int position = 0; position < length; position++) {
            assertThat(chiSquare(counts[position])).as("position %d", position).isLessThan(bound);
            for (int s = 0; s < symbols; s++) {
                pooled[s] += counts[position][s];
            }
        }
        assertThat(chiSquare(pooled)).as("all positions").isLessThan(bound);
    }

    @Test
    void theUniformityCheckCatchesModuloBias() {
        Random moduloOfAByte = new Random(42) {
            @Override
            public int nextInt(int bound) {
                return (nextInt() & 0xFF) % bound;
            }
        };
        long[][] counts = count(new CodeGenerator(moduloOfAByte, CodeAlphabet.DIGITS, 6), CodeAlphabet.DIGITS, 6);
        long[] pooled = new long[10];
        for (long[] position : counts) {
            for (int s = 0; s < 10; s++) {
                pooled[s] += position[s];
            }
        }

        assertThat(chiSquare(pooled)).isGreaterThan(chiSquareBound(9));
    }

    private static long[][] count(CodeGenerator generator, CodeAlphabet alphabet, int length) {
        long[][] counts = new long[length][alphabet.symbols().length()];
        for (int i = 0; i < DRAWS; i++) {
            String code = generator.next();
            for (int position = 0; position < length; position++) {
                counts[position][alphabet.symbols().indexOf(code.charAt(position))]++;
            }
        }
        return counts;
    }

    private static double chiSquare(long[] observed) {
        long total = 0;
        for (long count : observed) {
            total += count;
        }
        double expected = (double) total / observed.length;
        double sum = 0;
        for (long count : observed) {
            sum += (count - expected) * (count - expected) / expected;
        }
        return sum;
    }

    /** The chi-square quantile for the false-alarm rate, by the Wilson-Hilferty approximation. */
    private static double chiSquareBound(int degreesOfFreedom) {
        double v = 2.0 / (9 * degreesOfFreedom);
        return degreesOfFreedom * Math.pow(1 - v + FALSE_ALARM_Z * Math.sqrt(v), 3);
    }
}
