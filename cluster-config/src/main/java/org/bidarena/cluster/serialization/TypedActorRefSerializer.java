package org.bidarena.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;

/** Writes a typed actor ref as its serialization path, and resolves it on the receiving node. */
final class TypedActorRefSerializer extends Serializer<ActorRef<?>> {
  private final ActorRefResolver resolver;

  TypedActorRefSerializer(ActorRefResolver resolver) {
    this.resolver = resolver;
    setImmutable(true);
  }

  @Override
  public void write(Kryo kryo, Output output, ActorRef<?> ref) {
    output.writeString(resolver.toSerializationFormat(ref));
  }

  @Override
  public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
    return resolver.resolveActorRef(input.readString());
  }
}
