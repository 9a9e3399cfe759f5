"""Generated protobuf messages and gRPC stubs of the augment.v1 protocol (see scripts/gen_protos.sh).

Do not edit: regenerate with ``clients/python/scripts/gen_protos.sh`` after changing ``protos/``.
"""
