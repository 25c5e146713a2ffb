package dev.kaimono.user.account;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration ({@code POST /api/users}) and the signed-in shopper's profile ({@code /api/users/me}). */
@RestController
@RequestMapping("/api/users")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<AccountResponse> register(@Valid @RequestBody RegistrationRequest request) {
        Account account = accounts.register(request.email(), request.password(), request.name());
        return ResponseEntity.created(URI.create("/api/users/me")).body(AccountResponse.of(account));
    }

    @GetMapping("/me")
    AccountResponse me(@AuthenticationPrincipal Jwt token) {
        return AccountResponse.of(accounts.profile(UUID.fromString(token.getSubject())));
    }

    @PutMapping("/me")
    AccountResponse update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileUpdate request) {
        return AccountResponse.of(accounts.rename(UUID.fromString(token.getSubject()), request.name()));
    }

    record RegistrationRequest(
            @NotBlank @Email @Size(max = 254) String email,
            // More UTF-16 chars than MAX_BYTES always means more UTF-8 bytes; PasswordPolicy counts them exactly.
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, message = PasswordPolicy.TOO_SHORT)
            @Size(max = PasswordPolicy.MAX_BYTES, message = PasswordPolicy.TOO_LONG) String password,
            @NotBlank @Size(max = 100) String name) {
    }

    record ProfileUpdate(@NotBlank @Size(max = 100) String name) {
    }

    record AccountResponse(UUID id, String email, String name) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.email(), account.name());
        }
    }
}
