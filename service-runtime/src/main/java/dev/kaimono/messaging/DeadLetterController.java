package dev.kaimono.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' view of a service's dead letters, under {@code <kaimono.messaging.admin-path>/dead-letters}
 * (e.g. {@code /api/admin/inventory/dead-letters} through the gateway): list, replay, discard.
 * Administrators only; checked here as well as by the service's security rules.
 */
@RestController
@RequestMapping("${kaimono.messaging.admin-path:/api/admin}/dead-letters")
class DeadLetterController {

    private static final int MAX_LISTED = 100;

    private final DeadLetters deadLetters;
    private final Set<String> queues;

    DeadLetterController(DeadLetters deadLetters, List<MessageHandlers> handlers) {
        this.deadLetters = deadLetters;
        this.queues = handlers.stream().map(MessageHandlers::queueName).collect(Collectors.toUnmodifiableSet());
    }

    @GetMapping
    Map<String, List<DeadLetters.DeadLetter>> list(@RequestParam(defaultValue = "20") int max) {
        requireAdministrator();
        int limit = Math.clamp(max, 1, MAX_LISTED);
        return queues.stream().sorted().collect(Collectors.toMap(queue -> queue, queue -> deadLetters.list(queue, limit),
                (a, b) -> a, java.util.TreeMap::new));
    }

    @PostMapping("/{queue}/replay")
    Map<String, Integer> replay(@PathVariable String queue, @RequestParam(required = false) String messageId) {
        requireAdministrator();
        return Map.of("replayed", deadLetters.replay(known(queue), messageId));
    }

    @DeleteMapping("/{queue}")
    Map<String, Integer> discard(@PathVariable String queue, @RequestParam(required = false) String messageId) {
        requireAdministrator();
        return Map.of("discarded", deadLetters.discard(known(queue), messageId));
    }

    private String known(String queue) {
        if (!queues.contains(queue)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This service consumes no queue named " + queue);
        }
        return queue;
    }

    private static void requireAdministrator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
        if (!admin) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Dead letters are for administrators");
        }
    }
}
