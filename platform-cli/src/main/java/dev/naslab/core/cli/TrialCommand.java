package dev.naslab.core.cli;

import dev.naslab.core.results.RunLayout;
import dev.naslab.core.UserException;
import dev.naslab.core.trial.TrialMain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code naslab trial DIR}: one trial in its folder, as a batch job runs it (hidden: naslab writes the job scripts). */
@Command(name = "trial", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the trial in DIR (its trial.json) without a coordinator: what a Slurm job script of "
                + "naslab run --slurm does. Progress goes to DIR/progress.txt, the result to DIR/result.json.")
final class TrialCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The trial's folder, holding trial.json.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.isRegularFile(dir.resolve(RunLayout.TRIAL_SPEC))) {
            throw new UserException(dir + " holds no trial.json; naslab run --slurm writes it with the job script");
        }
        return TrialMain.runAsJob(dir.toAbsolutePath());
    }
}
