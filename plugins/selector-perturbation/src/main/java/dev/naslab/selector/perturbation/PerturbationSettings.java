package dev.naslab.selector.perturbation;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;
import java.util.List;
import java.util.Map;

/**
 * DARTS-PT settings; defaults are the reference's ({@code darts-proj-201.sh}, {@code darts-proj-sota.sh}).
 *
 * @param criterion   {@code accuracy} (keep the op whose removal lowers validation accuracy most;
 *                    default) or {@code loss} (keep the op whose removal raises loss most)
 * @param tuneEpochs  epochs of supernet tuning between two decisions (the reference's
 *                    {@code proj_intv}); default 5; 0 decides everything without tuning
 * @param tuneAlpha   keep training α with Adam while tuning; default true; false for DARTS-PT (fix α)
 * @param tuneLr      constant weight learning rate while tuning; default: the search's initial learning
 *                    rate / 10, as the reference (0.0025 after the usual 0.025)
 * @param momentum    SGD momentum while tuning; default 0.9
 * @param weightDecay SGD weight decay while tuning; default 3e-4
 * @param gradClip    global gradient-norm clip while tuning; default 5
 * @param edgeOrder   explicit order of op decisions per cell type, e.g. {@code {cell: [4, 0, 5, 2, 3, 1]}};
 *                    default: a random order drawn from the trial's seed
 * @param perturbation perturb the mixing weights of the tuning's weight steps as SDARTS does:
 *                    {@code none} (default), {@code random} or {@code adversarial} (the DARTS-PT code
 *                    tunes an SDARTS supernet this way)
 * @param epsilon     radius of that perturbation, fixed while tuning; default 0.3 (the reference's)
 * @param attackSteps PGD steps of the adversarial perturbation; default 7
 * @param scoreData   validation data of the scores: {@code plain} (default: every image once in split
 *                    order without augmentation, so two scores differ only by what was masked) or
 *                    {@code augmented} (random order and the training augmentation, as the reference
 *                    scores through its validation loader)
 */
public record PerturbationSettings(
        @Setting("accuracy (keep the op whose masking lowers validation accuracy most) or loss (… raises validation loss most)") String criterion,
        @Setting("epochs of supernet tuning between two decisions (the reference's proj_intv)") Integer tuneEpochs,
        @Setting("keep training α with Adam while tuning") Boolean tuneAlpha,
        @Setting("constant weight learning rate while tuning (default: the search's lr / 10)") Double tuneLr,
        @Setting("SGD momentum while tuning") Double momentum,
        @Setting("SGD weight decay while tuning") Double weightDecay,
        @Setting("global gradient-norm clip while tuning") Double gradClip,
        @Setting("explicit order of op decisions per cell type, e.g. {cell: [4, 0, 5, 2, 3, 1]}") Map<String, List<Integer>> edgeOrder,
        @Setting("perturb the mixing weights of the tuning's weight steps as SDARTS does: none (default), random or adversarial (the DARTS-PT code tunes an SDARTS supernet this way)") String perturbation,
        @Setting("radius of that perturbation, fixed while tuning") Double epsilon,
        @Setting("PGD steps of the adversarial perturbation") Integer attackSteps,
        @Setting("validation data of the scores: plain (split order, no augmentation) or augmented (random order and the training augmentation, as the reference)") String scoreData) {

    public PerturbationSettings {
        criterion = SettingException.oneOf("criterion", criterion == null ? "accuracy" : criterion, "accuracy", "loss");
        tuneEpochs = SettingException.nonNegative("tune_epochs", tuneEpochs == null ? 5 : tuneEpochs);
        tuneAlpha = tuneAlpha == null || tuneAlpha;
        if (tuneLr != null) {
            SettingException.range("tune_lr", tuneLr, 0, 10, true);
        }
        momentum = SettingException.range("momentum", momentum == null ? 0.9 : momentum, 0, 0.999, false);
        weightDecay = SettingException.range("weight_decay", weightDecay == null ? 3e-4 : weightDecay, 0, 1, false);
        gradClip = SettingException.range("grad_clip", gradClip == null ? 5.0 : gradClip, 0, 1e6, true);
        edgeOrder = edgeOrder == null ? Map.of() : Map.copyOf(edgeOrder);
        perturbation = SettingException.oneOf("perturbation", perturbation == null ? "none" : perturbation,
                "none", "random", "adversarial");
        epsilon = SettingException.range("epsilon", epsilon == null ? 0.3 : epsilon, 0, 1, true);
        attackSteps = SettingException.positive("attack_steps", attackSteps == null ? 7 : attackSteps);
        scoreData = SettingException.oneOf("score_data", scoreData == null ? "plain" : scoreData, "plain", "augmented");
    }

    /** The scoring data as the API names it. */
    dev.naslab.api.select.ScoreData scoring() {
        return scoreData.equals("augmented") ? dev.naslab.api.select.ScoreData.AUGMENTED
                : dev.naslab.api.select.ScoreData.PLAIN;
    }

    boolean byAccuracy() {
        return criterion.equals("accuracy");
    }
}
