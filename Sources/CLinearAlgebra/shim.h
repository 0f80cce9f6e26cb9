#ifndef THREADLENS_CLINEARALGEBRA_SHIM_H
#define THREADLENS_CLINEARALGEBRA_SHIM_H

/* CBLAS comes with a header (libblas-dev). LAPACK does not (liblapack-dev), so the few
   Fortran routines used are declared here. Fortran passes every argument by reference, and
   gfortran appends one hidden size_t length per CHARACTER argument, in order, after the others. */

#include <stddef.h>
#include <cblas.h>

/* Symmetric eigenvalues/eigenvectors, relatively robust representations. */
void dsyevr_(const char *jobz, const char *range, const char *uplo, const int *n, double *a,
             const int *lda, const double *vl, const double *vu, const int *il, const int *iu,
             const double *abstol, int *m, double *w, double *z, const int *ldz, int *isuppz,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t range_len, size_t uplo_len);

/* Singular value decomposition, divide and conquer. */
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *iwork, int *info, size_t jobz_len);

/* QR factorisation and the explicit Q. */
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work,
             const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda,
             const double *tau, double *work, const int *lwork, int *info);

/* Cache hints for the sparse products, whose rows of the dense operand are picked at random: the
   addresses of the next row's entries are known early, so their misses can overlap this row's work. */
static inline void threadlens_prefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }
static inline void threadlens_prefetch_write(const void *address) { __builtin_prefetch(address, 1, 3); }

/* Machine parameters (used to pick a safe abstol for dsyevr). */
double dlamch_(const char *cmach, size_t cmach_len);

/* OpenBLAS extras, looked up at run time with dlsym so the reference BLAS still links. */

#endif
