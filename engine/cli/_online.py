"""What `designer deploy` and `designer endpoints` do."""
from __future__ import annotations

import argparse
import sys

from engine.cli.common import EXIT_INVALID, EXIT_OK, answer, dispatch, fail, print_json
from engine.job_store import JobNotFound
from engine.online import OnlineEndpoint, OnlineEndpointError, OnlineEndpoints
from engine.server import DEFAULT_HOST, DEFAULT_PORT
from engine.workspace import Workspace

SERVER = f"http://{DEFAULT_HOST}:{DEFAULT_PORT}"


def scoring_uri(name: str) -> str:
    """Where `designer serve` (default address) scores requests to endpoint `name`."""
    return f"{SERVER}/endpoints/{name}/score"


def deploy(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        endpoint, key = OnlineEndpoints(workspace).deploy(args.job, args.name)
    except (OnlineEndpointError, JobNotFound) as error:
        return fail(error, EXIT_INVALID)
    if args.json:
        print_json({"scoring_uri": scoring_uri(endpoint.name), "primary_key": key,
                    "version": endpoint.deployment.version})
        return EXIT_OK
    print(f"Deployed job {args.job} as version {endpoint.deployment.version} of online endpoint {endpoint.name}")
    print(f"Scoring URI: {scoring_uri(endpoint.name)} (under `designer serve`)")
    if key is not None:
        print(f"Primary key: {key}")
        print("The key above is shown only now (`designer endpoints keys NAME --regenerate primary` makes a new "
              "one).", file=sys.stderr)
    return EXIT_OK


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"list": list_endpoints, "show": show_endpoint, "keys": keys, "delete": delete_endpoint}
    return dispatch(commands, args.endpoints_command, workspace, args, (OnlineEndpointError,))


def _view(endpoint: OnlineEndpoint) -> dict:
    return {**endpoint.to_dict(), "scoring_uri": scoring_uri(endpoint.name)}


def list_endpoints(workspace: Workspace, args: argparse.Namespace) -> int:
    endpoints = OnlineEndpoints(workspace).list()
    return answer(args, [_view(e) for e in endpoints],
                  (f"{e.name}: version {e.deployment.version}, job {e.deployment.job_id}, "
                   f"deployed {e.deployment.created}" for e in endpoints))


def show_endpoint(workspace: Workspace, args: argparse.Namespace) -> int:
    endpoint = OnlineEndpoints(workspace).get(args.name)
    if args.json:
        print_json(_view(endpoint))
        return EXIT_OK
    deployment = endpoint.deployment
    print(f"{endpoint.name} (created {endpoint.created})")
    print(f"  version {deployment.version} from job {deployment.job_id}, deployed {deployment.created}")
    print(f"  pipeline: {deployment.pipeline.name}")
    print(f"  scoring URI: {scoring_uri(endpoint.name)}")
    return EXIT_OK


def keys(workspace: Workspace, args: argparse.Namespace) -> int:
    endpoints = OnlineEndpoints(workspace)
    if args.regenerate is None:
        endpoints.get(args.name)
        message = ("Keys are kept only as hashes and cannot be shown; `--regenerate primary|secondary` replaces one "
                   "and prints it once.")
        if args.json:
            print_json({"name": args.name, "keys": ["primary", "secondary"], "note": message})
        else:
            print(message)
        return EXIT_OK
    key = endpoints.regenerate(args.name, args.regenerate)
    if args.json:
        print_json({"name": args.name, f"{args.regenerate}_key": key})
        return EXIT_OK
    print(key)
    print(f"New {args.regenerate} key of {args.name}, shown only now; the old one no longer works.", file=sys.stderr)
    return EXIT_OK


def delete_endpoint(workspace: Workspace, args: argparse.Namespace) -> int:
    OnlineEndpoints(workspace).delete(args.name)
    print(f"Online endpoint {args.name} deleted")
    return EXIT_OK
