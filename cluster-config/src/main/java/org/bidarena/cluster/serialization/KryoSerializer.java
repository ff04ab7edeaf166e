package org.bidarena.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

/**
 * Kryo 5 for the messages BidArena nodes send each other (tick protocol, driver control, progress).
 *
 * <p>Registration is required: a class that is not in {@link KryoRegistrations} is refused when written,
 * and an unknown class id is refused when read, so a peer can never make this JVM instantiate an
 * arbitrary class. Kryo instances are not thread-safe, so each call borrows one from a pool.
 * Journal events and snapshots do not come here: they are protobuf.
 */
public final class KryoSerializer extends JSerializer {
  /** Fixed, and distinct from Pekko's own ids (below 100) and those of the protobuf serializers. */
  public static final int IDENTIFIER = 4711;

  private final Pool<Kryo> pool;

  public KryoSerializer(ExtendedActorSystem system) {
    TypedActorRefSerializer refs = new TypedActorRefSerializer(ActorRefResolver.get(Adapter.toTyped(system)));
    this.pool = new Pool<>(true, false, 16) {
      @Override
      protected Kryo create() {
        Kryo kryo = new Kryo();
        KryoRegistrations.register(kryo, refs);
        return kryo;
      }
    };
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false;
  }

  @Override
  public byte[] toBinary(Object o) {
    Kryo kryo = pool.obtain();
    try (Output output = new Output(256, -1)) {
      kryo.writeClassAndObject(output, o);
      return output.toBytes();
    } finally {
      pool.free(kryo);
    }
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    Kryo kryo = pool.obtain();
    try (Input input = new Input(bytes)) {
      return kryo.readClassAndObject(input);
    } finally {
      pool.free(kryo);
    }
  }
}
