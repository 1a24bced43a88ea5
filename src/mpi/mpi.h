/*
 * mpi.h — the MPI driver of `tidings extract` and `tidings ingest` (issue
 * 11), in the MPI build only (make MPI=1, which defines TD_MPI). Under
 * mpirun or srun the subcommands hand over to td_mpi_cmd: rank 0 lists the
 * input files and hands them out one at a time to whichever rank asks;
 * every rank (rank 0 too, on a second thread) runs the normal in-process
 * pipeline on its files and appends the records to its own shard; rank 0
 * then reduces the shards in input order (src/mpi/shards.h).
 */
#ifndef TD_MPI_H
#define TD_MPI_H

/* 1 when this process was started by an MPI launcher (mpirun, srun). */
int td_mpi_launched(void);

/* Runs `tidings extract` (ingest 0) or `tidings ingest` (ingest 1) split
 * across the ranks; argv as the subcommand's. Exit status. */
int td_mpi_cmd(int argc, char **argv, int ingest);

#endif
