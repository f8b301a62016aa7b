"""What `designer token` does: create (the secret printed once), list and revoke workspace tokens."""
from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from engine.cli.common import EXIT_OK, dispatch, print_json
from engine.tokens import TokenNotFound, Tokens
from engine.workspace import Workspace


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"create": create_token, "list": list_tokens, "revoke": revoke_token}
    return dispatch(commands, args.token_command, workspace, args, (TokenNotFound,))


def create_token(workspace: Workspace, args: argparse.Namespace) -> int:
    token_id, secret = Tokens(workspace.store).create(args.name)
    if args.json:
        print_json({"id": token_id, "token": secret})
        return EXIT_OK
    print(secret)
    print(f"Token {token_id} created; the secret above is shown only now.", file=sys.stderr)
    return EXIT_OK


def list_tokens(workspace: Workspace, args: argparse.Namespace) -> int:
    tokens = Tokens(workspace.store).list()
    if args.json:
        print_json([asdict(t) for t in tokens])
        return EXIT_OK
    for token in tokens:
        state = f"revoked {token.revoked}" if token.revoked else "active"
        print(f"{token.id}  {token.created}  {state:<40} {token.name}")
    return EXIT_OK


def revoke_token(workspace: Workspace, args: argparse.Namespace) -> int:
    Tokens(workspace.store).revoke(args.token_id)
    print(f"Token {args.token_id} revoked")
    return EXIT_OK
