"""Tutor's own CLI with one more command group, `hostjobs`, whose `do` jobs run here with `sh`.

`tutor local do ...` hands each job script to `docker compose run <service>-job sh -e -c ...`.
This runs the same rendered scripts, produced by Tutor's real `do` machinery and our plugin,
with `sh -e -c` in the folder named by PUENTES_PLATFORM_DIR, where the tests put a stand-in for
edx-platform's manage.py. Only the container is replaced: Tutor, its config and the plugin run.

Usage: python host_jobs.py [--root ROOT] hostjobs do <job> [options]
"""
import os
import subprocess

import click
from tutor import hooks
from tutor.commands import jobs
from tutor.commands.cli import main
from tutor.commands.context import BaseTaskContext
from tutor.tasks import BaseTaskRunner


class HostTaskRunner(BaseTaskRunner):
    def run_task(self, service: str, command: str) -> int:
        env = dict(os.environ, PUENTES_JOB_SERVICE=service)
        subprocess.run(["sh", "-e", "-c", command], cwd=os.environ["PUENTES_PLATFORM_DIR"], env=env, check=True)
        return 0


class HostContext(BaseTaskContext):
    def job_runner(self, config):
        return HostTaskRunner(self.root, config)


@jobs.do_group
def do() -> None:
    """Run a job's scripts on this machine."""


@click.group(name="hostjobs", help="Run jobs on this machine instead of in containers (tests only)")
@click.pass_context
def hostjobs(context: click.Context) -> None:
    context.obj = HostContext(context.obj.root)


@hooks.Actions.PLUGINS_LOADED.add()
def _add_do_commands() -> None:
    jobs.add_job_commands(do)
    hostjobs.add_command(do)


if __name__ == "__main__":
    hooks.Filters.CLI_COMMANDS.add_item(hostjobs)
    main()
