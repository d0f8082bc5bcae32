-- OpenID Connect (step07): the keys that sign id_tokens, each user's sub,
-- the consent users gave, and what an id_token of a code says.

-- The RSA keys that sign id_tokens (RS256), newest first; an old one stays
-- published in the JWKS until the tokens it signed have expired. The public
-- key is X.509 and the private key PKCS #8, both DER in base64. A real
-- provider keeps its private key in a KMS or HSM and never reads it.
create table signing_key (
    kid varchar(64) primary key,
    created_at timestamp(6) with time zone not null,
    public_key varchar(1000) not null,
    private_key varchar(4000) not null
);

-- sub (OpenID Connect Core §2): a random UUID, made for a user on first need.
create table user_subject (
    user_id bigint primary key references users (id),
    subject varchar(36) not null unique
);

-- Remembered consent: every scope a user allowed a client; it grows with
-- each allow, and goes when the user revokes the client on /apps.
create table consent (
    user_id bigint not null references users (id),
    client_id bigint not null references client (id),
    scopes varchar(255) not null,
    allowed_at timestamp(6) with time zone not null,
    primary key (user_id, client_id)
);
create index consent_client_id on consent (client_id);

-- What the id_tokens of a code, and of the refreshes of its family, say:
-- when the user logged in (auth_time) and the request's nonce (Core §3.1.2.1).
alter table grants add column auth_time timestamp(6) with time zone;
alter table grants add column nonce varchar(255);
-- A user's grants, found to revoke them all when the user revokes a client.
create index grants_user_id on grants (user_id);

-- RP-Initiated Logout 1.0 §3.1: where the provider may send the browser after
-- a logout, space-separated; empty for nowhere.
alter table client add column post_logout_redirect_uris varchar(5010) default '' not null;
