package fr.moncompte.portal.domain.secondfactor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.secondfactor.entity.PasskeyUser;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passkeys through Yubico's WebAuthn server library (WebAuthn Level 2): the challenges sent to the browser, and the
 * checks of what the authenticator answers (origin, challenge, signature, counter). The portal is the relying party
 * named by the host of {@code portal.public-url}; its origin is that address, and any other listed in
 * {@value #ORIGINS}. On {@code localhost} (the quick start, the tests) any port of it is accepted.
 * <p>
 * The library's requests are not serialisable: what goes to the browser, and what is kept until the answer comes, is
 * their JSON, made and read back here. Whose credential is whose comes from the {@code second_factor} rows, through
 * {@link Repository}.
 */
@Dependent
public class Passkeys {

    /** More origins allowed to use the portal's passkeys, comma-separated (a second host name, for example). */
    public static final String ORIGINS = "portal.passkeys.origins";

    /** How long the browser gives the person to touch their authenticator. */
    static final long TIMEOUT_MILLIS = 120_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    Config config;

    /** Why the answer of an authenticator is refused; the message is the library's, for the log only. */
    public static final class Refused extends Exception {
        public Refused(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /** A challenge: what goes to the browser, and what the portal keeps to check the answer. */
    public record Challenge(String forBrowser, String kept) {
    }

    /** A passkey checked at its creation, ready to be stored. */
    public record Created(String credentialId, String publicKeyCose, long signatureCount, String transports) {
    }

    /** A passkey that signed the challenge: whose, which, and its counter now. */
    public record Signed(long accountId, String credentialId, long signatureCount) {
    }

    /**
     * The creation options of a new passkey of {@code account}. Its name is the person's login address (what the
     * device shows when it offers the passkey), its id their user handle.
     */
    public Challenge creation(UserAccount account) {
        String displayName = (account.getFirstName() + " " + account.getLastName()).strip();
        PublicKeyCredentialCreationOptions options = relyingParty().startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name(account.getEmailKey())
                        .displayName(displayName.isEmpty() ? account.getEmail() : displayName)
                        .id(handleOf(account.getId())).build())
                // Discoverable (the passkey alone signs in), on the device or a security key, the person's choice.
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build())
                .timeout(TIMEOUT_MILLIS)
                .build());
        try {
            return new Challenge(options.toCredentialsCreateJson(), options.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("WebAuthn creation options not written", e);
        }
    }

    /** Checks the browser's answer to {@code kept}; the passkey it made, or {@link Refused}. */
    public Created created(String kept, String answer) throws Refused {
        try {
            RegistrationResult result = relyingParty().finishRegistration(FinishRegistrationOptions.builder()
                    .request(PublicKeyCredentialCreationOptions.fromJson(kept))
                    .response(PublicKeyCredential.parseRegistrationResponseJson(answer)).build());
            String transports = result.getKeyId().getTransports().map(all -> all.stream()
                    .map(AuthenticatorTransport::getId).collect(Collectors.joining(","))).orElse("");
            return new Created(result.getKeyId().getId().getBase64Url(), result.getPublicKeyCose().getBase64Url(),
                    result.getSignatureCount(), transports.length() > 200 ? "" : transports);
        } catch (RegistrationFailedException | IOException | RuntimeException e) {
            throw new Refused("passkey creation refused: " + e.getMessage(), e);
        }
    }

    /**
     * A challenge for one of {@code account}'s passkeys (the second step after the password); empty when they have
     * none.
     */
    public Optional<Challenge> assertionFor(UserAccount account) {
        AssertionRequest request = relyingParty().startAssertion(StartAssertionOptions.builder()
                .username(account.getEmailKey())
                .userVerification(UserVerificationRequirement.PREFERRED).timeout(TIMEOUT_MILLIS).build());
        boolean hasPasskeys = request.getPublicKeyCredentialRequestOptions().getAllowCredentials()
                .map(allowed -> !allowed.isEmpty()).orElse(false);
        return hasPasskeys ? Optional.of(challenge(request)) : Optional.empty();
    }

    /**
     * A challenge for any passkey of the portal's, which says whose it is (signing in with a passkey alone, its user
     * verification standing for the password).
     */
    public Challenge assertionForAnyone() {
        return challenge(relyingParty().startAssertion(StartAssertionOptions.builder()
                .userVerification(UserVerificationRequirement.REQUIRED).timeout(TIMEOUT_MILLIS).build()));
    }

    private static Challenge challenge(AssertionRequest request) {
        try {
            return new Challenge(request.toCredentialsGetJson(), request.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("WebAuthn request options not written", e);
        }
    }

    /**
     * Checks a signed challenge: the signature with the stored key, the origin, the challenge kept, user
     * verification where asked, and a counter that went forward (a copied authenticator shows as one that did not).
     */
    public Signed signed(String kept, String answer) throws Refused {
        try {
            AssertionResult result = relyingParty().finishAssertion(FinishAssertionOptions.builder()
                    .request(AssertionRequest.fromJson(kept))
                    .response(PublicKeyCredential.parseAssertionResponseJson(answer)).build());
            PasskeyUser owner = em.createNamedQuery(PasskeyUser.BY_HANDLE, PasskeyUser.class)
                    .setParameter("handle", result.getCredential().getUserHandle().getBase64Url()).getSingleResult();
            return new Signed(owner.getAccountId(), result.getCredential().getCredentialId().getBase64Url(),
                    result.getSignatureCount());
        } catch (AssertionFailedException | IOException | RuntimeException e) {
            throw new Refused("passkey assertion refused: " + e.getMessage(), e);
        }
    }

    /** The person's user handle, made at their first passkey. */
    private ByteArray handleOf(long accountId) {
        PasskeyUser user = em.find(PasskeyUser.class, accountId);
        if (user == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            user = new PasskeyUser(accountId, new ByteArray(random).getBase64Url());
            em.persist(user);
        }
        return bytes(user.getHandle());
    }

    private RelyingParty relyingParty() {
        URI publicUrl = URI.create(config.getOptionalValue("portal.public-url", String.class)
                .orElse("http://localhost:8080/"));
        String host = publicUrl.getHost();
        Set<String> origins = new LinkedHashSet<>();
        origins.add(publicUrl.getScheme() + "://" + publicUrl.getRawAuthority());
        config.getOptionalValue(ORIGINS, String.class).ifPresent(more -> Arrays.stream(more.split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).forEach(origins::add));
        return RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(host)
                        .name(config.getOptionalValue("portal.vendor.name", String.class).orElse("Mon compte"))
                        .build())
                .credentialRepository(new Repository(em))
                .origins(origins)
                .allowOriginPort("localhost".equals(host))
                .build();
    }

    /** Base64url we wrote ourselves; anything else is a broken row. */
    static ByteArray bytes(String base64Url) {
        try {
            return ByteArray.fromBase64Url(base64Url);
        } catch (com.yubico.webauthn.data.exception.Base64UrlException broken) {
            throw new IllegalStateException("Not base64url: a stored passkey value", broken);
        }
    }

    /** The library's view of the stored passkeys: usernames are login addresses (their normalised key). */
    static final class Repository implements CredentialRepository {

        private final EntityManager em;

        Repository(EntityManager em) {
            this.em = em;
        }

        @Override
        public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
            return passkeysOf(accountOf(username)).stream().map(Repository::descriptor).collect(Collectors.toSet());
        }

        @Override
        public Optional<ByteArray> getUserHandleForUsername(String username) {
            Long accountId = accountOf(username);
            return accountId == null ? Optional.empty() : handleOf(accountId);
        }

        @Override
        public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
            return em.createNamedQuery(PasskeyUser.BY_HANDLE, PasskeyUser.class)
                    .setParameter("handle", userHandle.getBase64Url()).getResultStream().findFirst()
                    .map(user -> em.find(UserAccount.class, user.getAccountId()))
                    .map(UserAccount::getEmailKey);
        }

        @Override
        public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
            return byCredential(credentialId).stream()
                    .filter(factor -> handleOf(factor.getAccountId()).map(userHandle::equals).orElse(false))
                    .findFirst().map(factor -> registered(factor, userHandle));
        }

        @Override
        public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
            return byCredential(credentialId).stream().map(factor -> registered(factor,
                            handleOf(factor.getAccountId()).orElseThrow())).collect(Collectors.toSet());
        }

        private List<SecondFactor> passkeysOf(Long accountId) {
            if (accountId == null) {
                return List.of();
            }
            return em.createNamedQuery(SecondFactor.PASSKEYS_OF_ACCOUNT, SecondFactor.class)
                    .setParameter("accountId", accountId).setParameter("kind", SecondFactor.Kind.PASSKEY)
                    .getResultList();
        }

        private List<SecondFactor> byCredential(ByteArray credentialId) {
            return em.createNamedQuery(SecondFactor.BY_CREDENTIAL, SecondFactor.class)
                    .setParameter("credentialId", credentialId.getBase64Url()).getResultList();
        }

        private static PublicKeyCredentialDescriptor descriptor(SecondFactor factor) {
            Set<AuthenticatorTransport> transports = factor.getTransports() == null || factor.getTransports().isEmpty()
                    ? Set.of() : Arrays.stream(factor.getTransports().split(","))
                    .map(AuthenticatorTransport::of).collect(Collectors.toSet());
            return PublicKeyCredentialDescriptor.builder().id(bytes(factor.getCredentialId()))
                    .transports(transports).build();
        }

        private static RegisteredCredential registered(SecondFactor factor, ByteArray userHandle) {
            return RegisteredCredential.builder().credentialId(bytes(factor.getCredentialId()))
                    .userHandle(userHandle).publicKeyCose(bytes(factor.getPublicKeyCose()))
                    .signatureCount(factor.getSignatureCount()).build();
        }

        private Optional<ByteArray> handleOf(long accountId) {
            return Optional.ofNullable(em.find(PasskeyUser.class, accountId)).map(user -> bytes(user.getHandle()));
        }

        private Long accountOf(String username) {
            return em.createQuery("select a.id from UserAccount a where a.emailKey = :key", Long.class)
                    .setParameter("key", username).getResultStream().findFirst().orElse(null);
        }
    }
}
