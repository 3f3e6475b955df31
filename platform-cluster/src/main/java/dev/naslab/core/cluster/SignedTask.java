package dev.naslab.core.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * What a coordinator asks a worker to do, as a Hazelcast task: it carries one signed request and
 * runs on the receiving member's {@link WorkerNode}, which checks the signature before anything
 * else and answers with a signed reply.
 */
final class SignedTask implements Callable<Envelope>, IdentifiedDataSerializable {

    private Envelope request;

    /** For Hazelcast's factory. */
    SignedTask() {
    }

    SignedTask(Envelope request) {
        this.request = request;
    }

    @Override
    public Envelope call() {
        return WorkerNode.serve(request);
    }

    @Override
    public int getFactoryId() {
        return Wire.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return Wire.TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        request.writeData(out);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        request = new Envelope();
        request.readData(in);
    }
}
