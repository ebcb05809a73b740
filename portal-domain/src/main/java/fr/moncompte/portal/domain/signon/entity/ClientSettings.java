package fr.moncompte.portal.domain.signon.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What an operator sets on a client: how it authenticates, its exact redirect and post-logout addresses, where its
 * back-channel logout is received and where its own sign-in starts (the "Ouvrir" links), and for
 * {@code private_key_jwt} its public keys (a JWKS).
 */
public record ClientSettings(SignOnClient.AuthMethod authMethod, List<String> redirectUris,
                             List<String> postLogoutRedirectUris, String backchannelLogoutUri,
                             String initiateLoginUri, String jwks) implements Serializable {

    public ClientSettings {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }
}
