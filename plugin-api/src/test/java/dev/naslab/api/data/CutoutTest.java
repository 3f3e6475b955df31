package dev.naslab.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.naslab.api.base.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CutoutTest {

    /** Where the centre falls, replaying the generator the way cutout draws (row, then column). */
    static int[] centre(long seed, int h, int w) {
        Rng r = new Rng(seed);
        return new int[] {r.nextInt(h), r.nextInt(w)};
    }

    @Test
    void zeroesTheClippedSquareAroundTheDrawnCentreInEveryChannel() {
        int h = 8;
        int w = 8;
        for (long seed = 0; seed < 20; seed++) {
            float[] img = new float[2 * h * w];
            Arrays.fill(img, 1f);
            ImageSet.cutout(img, 0, 2, h, w, 4, new Rng(seed));
            int[] c = centre(seed, h, w);
            // DARTS's Cutout: rows clip(y - L/2, 0, h) .. clip(y + L/2, 0, h) (end exclusive), same for columns
            int y1 = Math.max(0, c[0] - 2);
            int y2 = Math.min(h, c[0] + 2);
            int x1 = Math.max(0, c[1] - 2);
            int x2 = Math.min(w, c[1] + 2);
            for (int ch = 0; ch < 2; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean inside = y >= y1 && y < y2 && x >= x1 && x < x2;
                        assertEquals(inside ? 0f : 1f, img[ch * h * w + y * w + x], "seed " + seed + " at " + y + "," + x);
                    }
                }
            }
        }
    }

    @Test
    void aSquareAwayFromTheBorderCoversLSquaredPixels() {
        float[] img = new float[16 * 16];
        Arrays.fill(img, 1f);
        long seed = 0;
        while (true) {
            int[] c = centre(seed, 16, 16);
            if (c[0] >= 4 && c[0] <= 11 && c[1] >= 4 && c[1] <= 11) {
                break;
            }
            seed++;
        }
        ImageSet.cutout(img, 0, 1, 16, 16, 6, new Rng(seed));
        int zeros = 0;
        for (float v : img) {
            zeros += v == 0f ? 1 : 0;
        }
        assertEquals(36, zeros);
    }
}
