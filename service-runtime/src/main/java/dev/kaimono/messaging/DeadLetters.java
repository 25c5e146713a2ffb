package dev.kaimono.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.amqp.rabbit.core.RabbitTemplate;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;

/**
 * What operators do with a queue's parking lot {@code <queue>.dlq}: look at the messages without
 * removing them, send them back to the queue they failed in, or throw them away.
 */
public class DeadLetters {

    /** A dead letter as operators see it. */
    public record DeadLetter(String messageId, String type, String failure, String body) {
    }

    private final RabbitTemplate rabbit;

    DeadLetters(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    /**
     * How many messages wait in the queue's dead-letter queue, or {@code -1} when the broker cannot be
     * asked (the metric then shows a gap rather than a reassuring zero).
     */
    public long count(String queue) {
        try {
            Long count = rabbit.execute(channel -> channel.messageCount(Topology.deadLetterQueueOf(queue)));
            return count == null ? -1 : count;
        } catch (RuntimeException unreachable) {
            return -1;
        }
    }

    /**
     * Up to {@code max} dead letters of the queue, oldest first; they stay in the dead-letter queue. Looking is
     * get-and-requeue (RabbitMQ has no peek), so a letter another caller is looking at that very moment, or
     * that is being requeued, is missing from the answer; asking again shows it.
     */
    public List<DeadLetter> list(String queue, int max) {
        return rabbit.execute(channel -> {
            List<DeadLetter> letters = new ArrayList<>();
            long lastTag = -1;
            GetResponse response;
            while (letters.size() < max && (response = channel.basicGet(Topology.deadLetterQueueOf(queue), false)) != null) {
                letters.add(view(response));
                lastTag = response.getEnvelope().getDeliveryTag();
            }
            if (lastTag >= 0) {
                channel.basicNack(lastTag, true, true);
            }
            return letters;
        });
    }

    /**
     * Sends dead letters back to the queue they failed in.
     *
     * @param messageId the message to replay, or {@code null} for all of them
     * @return how many were replayed
     */
    public int replay(String queue, String messageId) {
        return move(queue, messageId, true);
    }

    /** Deletes dead letters for good; {@code messageId} {@code null} empties the dead-letter queue. */
    public int discard(String queue, String messageId) {
        return move(queue, messageId, false);
    }

    private int move(String queue, String messageId, boolean replay) {
        Integer moved = rabbit.execute(channel -> {
            int count = 0;
            List<Long> keep = new ArrayList<>();
            GetResponse response;
            while ((response = channel.basicGet(Topology.deadLetterQueueOf(queue), false)) != null) {
                long tag = response.getEnvelope().getDeliveryTag();
                if (messageId != null && !messageId.equals(response.getProps().getMessageId())) {
                    keep.add(tag);
                    continue;
                }
                if (replay) {
                    AMQP.BasicProperties properties = response.getProps().builder()
                            .headers(Map.of("x-replayed-from", Topology.deadLetterQueueOf(queue)))
                            .build();
                    channel.basicPublish("", queue, properties, response.getBody());
                }
                channel.basicAck(tag, false);
                count++;
            }
            for (Long tag : keep) {
                channel.basicNack(tag, false, true);
            }
            return count;
        });
        return Objects.requireNonNullElse(moved, 0);
    }

    private static DeadLetter view(GetResponse response) {
        Map<String, Object> headers = response.getProps().getHeaders();
        Object failure = headers == null ? null : headers.get("x-exception-message");
        return new DeadLetter(response.getProps().getMessageId(), response.getProps().getType(),
                failure == null ? null : failure.toString(), new String(response.getBody(), StandardCharsets.UTF_8));
    }
}
